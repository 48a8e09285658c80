/** Package version marker, replaced as the package grows. */
export const PACKAGE_NAME = '@kraken-sockets/book'
