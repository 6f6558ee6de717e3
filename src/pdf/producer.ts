/** The project version printed in every PDF; a test keeps it equal to package.json's. */
export const PACKAGE_VERSION = '0.1.0';

/** Fixed `/Producer` and `/Creator` strings: no host name, date or random part. */
export const PDF_PRODUCER = `hc-correspondence ${PACKAGE_VERSION} typesetter on pdf-lib`;
export const PDF_CREATOR = `hc-correspondence ${PACKAGE_VERSION}`;
