import { AppError } from "@/lib/errors";

export type ImportErrorLocation = {
  file: string;
  index?: number;
  field?: string;
  line?: number;
  column?: number;
};

/** A problem in an import folder, located by file, record index and field. */
export class ImportError extends AppError {
  constructor(
    message: string,
    readonly location: ImportErrorLocation,
  ) {
    super("invalid_input", message, location);
    this.name = "ImportError";
  }
}
