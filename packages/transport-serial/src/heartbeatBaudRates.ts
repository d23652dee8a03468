/** The rates heartbeat 3.0.6's `baud` directive accepts (config.c StringToBaud); 19200 is its default. */
export const heartbeatBaudRates: readonly number[] = [9600, 19200, 38400, 57600, 115200, 230400, 460800];
