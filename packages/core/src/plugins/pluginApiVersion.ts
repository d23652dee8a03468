/** The plugin API version this core implements; a manifest must declare exactly this one. */
export const pluginApiVersion = 1;
