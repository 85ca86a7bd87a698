-- AlterTable
ALTER TABLE "exports" ADD COLUMN "owner_process" TEXT;

-- AlterTable
ALTER TABLE "import_runs" ADD COLUMN "owner_process" TEXT;
