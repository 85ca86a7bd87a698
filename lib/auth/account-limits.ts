// The sizes of an account's fields: the schemas on the server and the forms' fields share them.
export const EMAIL_MAX = 200;
export const ACCOUNT_NAME_MIN = 2;
export const ACCOUNT_NAME_MAX = 60;
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const TOKEN_NAME_MAX = 60;
