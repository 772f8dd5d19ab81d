/** The name of the port an open panel keeps to the worker (to notice when the worker stops). */
export const CHECK_PORT_NAME = 'cited-checks';
