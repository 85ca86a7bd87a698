-- AlterTable
ALTER TABLE "candidates" ADD COLUMN "error_class" TEXT;
ALTER TABLE "candidates" ADD COLUMN "flags" TEXT;
