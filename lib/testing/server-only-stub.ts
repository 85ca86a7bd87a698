// Stands in for the `server-only` package in unit tests, which run server code directly.
export {};
