export { NullFencer } from './NullFencer.js';
export { SshFencer } from './SshFencer.js';
export { MeatwareFencer } from './MeatwareFencer.js';
export { ExternalFencer } from './ExternalFencer.js';
export { locateExternalPlugin } from './locateExternalPlugin.js';
export { readHostList } from './readHostList.js';
export { sshSettings } from './sshSettings.js';
export { externalSettings } from './externalSettings.js';
