/**
 * Every code a user can see, in one place. `docs/errors.md` documents each of them and a test keeps
 * the two in step. Codes are never reused: retire a code by marking it, not by renaming another.
 *
 * exitCode follows sysexits where one fits: 64 usage, 65 bad data, 66 no input, 69 unavailable,
 * 70 internal, 73 cannot create, 74 I/O, 76 protocol, 77 permission, 78 configuration.
 */
export interface ErrorSpec {
  readonly summary: string;
  readonly exitCode: number;
  readonly hint: string;
}

export const errorCatalogue = {
  INTERNAL: {
    summary: 'An unexpected internal error',
    exitCode: 70,
    hint: 'This is a bug in Heartline: please report it with the debug log.',
  },
  USAGE: {
    summary: 'The command line is not valid',
    exitCode: 64,
    hint: 'Run the command with --help to see its arguments and flags.',
  },

  // --- configuration directory and ha.cf (issue 3) ---
  CONFIG_DIR_NOT_FOUND: {
    summary: 'The configuration directory does not exist',
    exitCode: 66,
    hint: 'Pass --config-dir with the directory holding ha.cf, haresources and authkeys (default /etc/ha.d).',
  },
  CONFIG_FILE_NOT_FOUND: {
    summary: 'A configuration file is missing',
    exitCode: 66,
    hint: 'Create the file; annotated samples ship in /usr/share/doc/heartbeat/.',
  },
  CONFIG_FILE_UNREADABLE: {
    summary: 'A configuration file cannot be read',
    exitCode: 74,
    hint: 'Check that the file is a regular file and that you may read it (run as root).',
  },
  CONFIG_INVALID: {
    summary: 'The configuration has errors',
    exitCode: 78,
    hint: 'Run `ha config check` to see every problem with its file, line and fix.',
  },
  CONFIG_UNKNOWN_DIRECTIVE: {
    summary: 'ha.cf contains a directive heartbeat does not know',
    exitCode: 78,
    hint: 'Fix the spelling or remove the line; docs/configuration.md lists every directive.',
  },
  CONFIG_MISSING_VALUE: {
    summary: 'An ha.cf directive has no value',
    exitCode: 78,
    hint: 'Give the directive its value on the same line, or remove the line.',
  },
  CONFIG_BAD_TIME: {
    summary: 'An ha.cf time value is not valid',
    exitCode: 78,
    hint: 'Write seconds (`2`, `0.5`) or milliseconds (`1500ms`).',
  },
  CONFIG_SECONDS_SUFFIX: {
    summary: 'An ha.cf time uses the `s` unit, which heartbeat 3.0.6 refuses',
    exitCode: 78,
    hint: 'Write plain seconds (`2`) or milliseconds (`2000ms`) so a real heartbeat node can read the same ha.cf.',
  },
  CONFIG_BAD_BOOLEAN: {
    summary: 'An ha.cf yes/no value is not valid',
    exitCode: 78,
    hint: 'Use one of on, off, yes, no, true, false, y, n, 1, 0.',
  },
  CONFIG_BAD_VALUE: {
    summary: 'An ha.cf value is outside what the directive accepts',
    exitCode: 78,
    hint: 'Use one of the values listed for the directive in docs/configuration.md.',
  },
  CONFIG_DUPLICATE_DIRECTIVE: {
    summary: 'An ha.cf directive that may appear once appears again',
    exitCode: 78,
    hint: 'Keep a single line for the directive.',
  },
  CONFIG_ORDER: {
    summary: 'An ha.cf directive comes after the lines it should affect',
    exitCode: 78,
    hint: 'Move the directive above the lines it applies to (heartbeat applies directives in file order).',
  },
  CONFIG_BAD_MEDIA: {
    summary: 'An ha.cf media line (bcast, mcast, ucast, serial) is not valid',
    exitCode: 78,
    hint: 'Check the arguments against docs/configuration.md, e.g. `mcast eth0 225.0.0.1 694 1 0`.',
  },
  CONFIG_NO_MEDIA: {
    summary: 'ha.cf defines no heartbeat medium',
    exitCode: 78,
    hint: 'Add at least one of `bcast <if>`, `mcast ...`, `ucast <if> <peer>` or `serial <dev>`.',
  },
  CONFIG_NO_NODES: {
    summary: 'ha.cf defines no cluster node',
    exitCode: 78,
    hint: 'Add one `node <name>` line per cluster member, named as `uname -n` prints it.',
  },
  CONFIG_DUPLICATE_NODE: {
    summary: 'A node is declared more than once in ha.cf',
    exitCode: 78,
    hint: 'Remove the repeated `node` entry.',
  },
  CONFIG_DEADTIME_TOO_SMALL: {
    summary: 'deadtime is not more than twice keepalive',
    exitCode: 78,
    hint: 'Raise deadtime above 2 x keepalive (e.g. keepalive 2, deadtime 10) or lower keepalive.',
  },
  CONFIG_DEADPING_TOO_SMALL: {
    summary: 'deadping is not more than twice keepalive',
    exitCode: 78,
    hint: 'Raise deadping above 2 x keepalive, or remove it to use deadtime.',
  },
  CONFIG_INITDEAD_TOO_SMALL: {
    summary: 'initdead is smaller than deadtime',
    exitCode: 78,
    hint: 'Set initdead to at least deadtime (and at least 10 seconds), e.g. twice deadtime.',
  },
  CONFIG_INITDEAD_SHORT: {
    summary: 'initdead is under 10 seconds',
    exitCode: 78,
    hint: 'Initial dead time accounts for slow network start-up: make it >= deadtime and >= 10 seconds.',
  },
  CONFIG_WARNTIME_INEFFECTIVE: {
    summary: 'warntime cannot produce useful late-heartbeat warnings',
    exitCode: 78,
    hint: 'Choose warntime between keepalive and deadtime, e.g. half of deadtime (the default).',
  },
  CONFIG_NICE_FAILBACK: {
    summary: 'nice_failback is obsolete',
    exitCode: 78,
    hint: 'Replace `nice_failback` with `auto_failback on` (or off); it is read as `auto_failback legacy`.',
  },
  CONFIG_LEGACY_FAILBACK: {
    summary: "auto_failback is 'legacy' (the default when not set)",
    exitCode: 78,
    hint: 'Add `auto_failback on` (or off): the legacy protocol allows no standby or takeover.',
  },
  CONFIG_UDP_ALIAS: {
    summary: "The ha.cf directive 'udp' is an old alias of 'bcast'",
    exitCode: 78,
    hint: 'Write `bcast` instead of `udp`.',
  },
  CONFIG_NO_LOG_TARGET: {
    summary: 'ha.cf sets use_logd off but names no logfile, debugfile or logfacility',
    exitCode: 78,
    hint: 'Add `logfile /var/log/ha-log` or `logfacility daemon`, or remove `use_logd off`.',
  },
  CONFIG_AUTOJOIN_CONFLICT: {
    summary: 'autojoin conflicts with haresources resource management',
    exitCode: 78,
    hint: 'Remove the autojoin line or set it to none: haresources mode needs a fixed node list.',
  },
  CONFIG_PACEMAKER_UNSUPPORTED: {
    summary: 'ha.cf enables Pacemaker (crm/pacemaker), which Heartline does not run',
    exitCode: 78,
    hint: 'Set `crm no` (or remove it): Heartline manages resources from haresources only.',
  },
  CONFIG_IGNORED_DIRECTIVE: {
    summary: 'An ha.cf directive is accepted but has no effect in Heartline',
    exitCode: 78,
    hint: 'See docs/configuration.md for why; remove the line to silence this warning.',
  },

  // --- haresources (issue 3) ---
  HARESOURCES_UNKNOWN_NODE: {
    summary: 'haresources names a node that ha.cf does not declare',
    exitCode: 78,
    hint: 'Start the line with a name from a `node` line of ha.cf, or add that node to ha.cf.',
  },
  HARESOURCES_DUPLICATE_GROUP: {
    summary: 'Two haresources lines start with the same first resource (group key)',
    exitCode: 78,
    hint: 'The first resource of each line names its group and must be unique across the file.',
  },
  HARESOURCES_NO_RESOURCES: {
    summary: 'An haresources line names a node but no resource',
    exitCode: 78,
    hint: 'List the resources after the node name, e.g. `node1 10.0.0.10 apache2`.',
  },
  HARESOURCES_BAD_RESOURCE: {
    summary: 'An haresources resource is malformed',
    exitCode: 78,
    hint: 'Write `script`, `script::arg::arg`, `OCF::type::instance` or an IPv4 address.',
  },
  HARESOURCES_COMMENT_IN_CONTINUATION: {
    summary: "A '#' comment on a continued haresources line is read as resources",
    exitCode: 78,
    hint: "Heartbeat's ResourceManager strips comments only before joining '\\' lines: move the comment to a line of its own.",
  },
  HARESOURCES_DANGLING_CONTINUATION: {
    summary: "The last haresources line ends with '\\' but nothing follows",
    exitCode: 78,
    hint: "Remove the trailing backslash.",
  },

  // --- authkeys (issue 3) ---
  AUTHKEYS_BAD_PERMISSIONS: {
    summary: 'authkeys is readable by group or others',
    exitCode: 77,
    hint: 'Run `chmod 600` on the file (heartbeat: "600 recommended").',
  },
  AUTHKEYS_BAD_OWNER: {
    summary: 'authkeys is not owned by root',
    exitCode: 77,
    hint: 'Run `chown root:root` on the file.',
  },
  AUTHKEYS_NO_AUTH: {
    summary: 'authkeys has no `auth N` line',
    exitCode: 78,
    hint: 'Add `auth N` at the top, N being the slot whose key signs outgoing packets.',
  },
  AUTHKEYS_BAD_AUTH_LINE: {
    summary: 'An authkeys `auth` line is not `auth <number>`',
    exitCode: 78,
    hint: 'Write `auth N` with N a slot number from 0 to 15.',
  },
  AUTHKEYS_SLOT_UNDEFINED: {
    summary: 'The slot named by `auth N` has no key line',
    exitCode: 78,
    hint: 'Add a line `N sha1 <key>` below the `auth N` line, or point `auth` at a defined slot.',
  },
  AUTHKEYS_ORDER: {
    summary: 'The `auth N` line comes after the definition of slot N',
    exitCode: 78,
    hint: 'Move `auth N` above the key lines: heartbeat picks the signing key while reading top to bottom.',
  },
  AUTHKEYS_BAD_SLOT: {
    summary: 'An authkeys slot number is outside 0-15',
    exitCode: 78,
    hint: 'Use a slot number from 0 to 15 (1 to 15 by convention).',
  },
  AUTHKEYS_UNKNOWN_METHOD: {
    summary: 'An authkeys line names an unknown method',
    exitCode: 78,
    hint: 'Use sha1 (recommended), md5 or crc.',
  },
  AUTHKEYS_KEY_REQUIRED: {
    summary: 'An md5 or sha1 authkeys line has no key',
    exitCode: 78,
    hint: 'Add the shared secret after the method, e.g. `1 sha1 <key>`; `ha authkeys generate` makes one.',
  },
  AUTHKEYS_UNEXPECTED_KEY: {
    summary: 'A crc authkeys line has a key',
    exitCode: 78,
    hint: 'crc takes no key: remove it, or use sha1 with that key.',
  },
  AUTHKEYS_KEY_TRUNCATED: {
    summary: 'An authkeys key line has text after the key, which heartbeat ignores',
    exitCode: 78,
    hint: 'A key is one word without blanks: remove the rest or join it into the key.',
  },
  AUTHKEYS_BAD_LINE: {
    summary: 'An authkeys line is neither `auth N` nor `N method [key]`',
    exitCode: 78,
    hint: 'Write `auth N` or `N sha1 <key>`; start comments with #.',
  },
  AUTHKEYS_DUPLICATE_SLOT: {
    summary: 'An authkeys slot is defined twice; the later line wins',
    exitCode: 78,
    hint: 'Keep a single line per slot number.',
  },
  AUTHKEYS_FILE_EXISTS: {
    summary: 'The authkeys file to generate already exists',
    exitCode: 73,
    hint: 'Pass --force to replace it (every node needs the new file), or choose another --out.',
  },
  AUTHKEYS_WRITE_FAILED: {
    summary: 'The authkeys file could not be written',
    exitCode: 73,
    hint: 'Check that the directory exists and that you may write to it (run as root for /etc/ha.d).',
  },

  // --- UDP media: bcast, mcast, ucast, mcast6, ucast6 (issue 5) ---
  UDP_INTERFACE_NOT_FOUND: {
    summary: 'A UDP media line names an interface this host does not have',
    exitCode: 78,
    hint: 'Name an existing interface (`ip -br addr`), or bring the interface up with an address before starting.',
  },
  UDP_INTERFACE_NO_ADDRESS: {
    summary: 'The interface of a UDP media line has no address of the right family',
    exitCode: 78,
    hint: 'Give the interface an IPv4 address (IPv6 for mcast6/ucast6), or use the other form of the directive.',
  },
  UDP_PORT_IN_USE: {
    summary: 'The UDP port of a medium is already taken by another program',
    exitCode: 69,
    hint: 'Stop the other holder of the port (often a heartbeat daemon on the same host), or use another udpport on every node.',
  },
  UDP_BIND_FAILED: {
    summary: 'A UDP medium could not bind or join its address',
    exitCode: 69,
    hint: 'Check the interface is up and the address is local; ports below 1024 need root.',
  },
  UDP_PEER_UNRESOLVED: {
    summary: 'The peer of a ucast line cannot be resolved to an address',
    exitCode: 78,
    hint: "Write the peer's address, or make its name resolvable (/etc/hosts).",
  },
  UDP_BAD_ADDRESS: {
    summary: 'A UDP media line has an address of the wrong kind (e.g. a non-multicast mcast group)',
    exitCode: 78,
    hint: 'Use a multicast group (224.0.0.0/4, ff00::/8) for mcast/mcast6 and a unicast address for ucast.',
  },
  UDP_UNSUPPORTED_MEDIUM: {
    summary: 'The UDP transport was asked to open a medium it does not serve',
    exitCode: 70,
    hint: 'This is a bug in the plugin wiring: please report it with the ha.cf line.',
  },

  // --- wire codec and authentication (issue 4) ---
  WIRE_UNENCODABLE: {
    summary: 'A message cannot be put on the wire in heartbeat format',
    exitCode: 70,
    hint: 'Field names must be non-empty, without "=", newline or NUL, and not start with "(" or ">>>"; strings must not contain NUL or 0x13; lists must hold non-empty strings; structs nest at most 16 deep.',
  },
  WIRE_MESSAGE_TOO_LARGE: {
    summary: 'A message is larger than heartbeat accepts (MAXMSG, 262144 bytes)',
    exitCode: 70,
    hint: 'Send less data per message; heartbeat refuses anything of MAXMSG bytes or more.',
  },
  WIRE_BAD_PCAP: {
    summary: 'A capture file is not a classic libpcap file of Ethernet frames',
    exitCode: 65,
    hint: 'Capture with `tcpdump -w FILE udp port 694` (classic pcap, not pcapng), or pass a raw payload file.',
  },
  AUTH_UNKNOWN_METHOD: {
    summary: 'An authkeys method is not known',
    exitCode: 78,
    hint: 'Use crc, md5 or sha1 in authkeys (sha1 is recommended).',
  },
  AUTH_KEY_REQUIRED: {
    summary: 'An authkeys method needs a key and has none',
    exitCode: 78,
    hint: 'Write the key after the method, e.g. "1 sha1 SomeLongSecret"; only crc takes no key.',
  },
  AUTH_NO_ACTIVE_SLOT: {
    summary: 'The authkeys "auth N" line names a slot that is not defined',
    exitCode: 78,
    hint: 'Add a line "N method key" for the slot named by "auth N", or point "auth" at a defined slot.',
  },
  CLI_WIRE_INPUT_UNREADABLE: {
    summary: 'A file given to `ha wire decode` cannot be read',
    exitCode: 66,
    hint: 'Check the path and that you may read it; use - to read the packets from stdin.',
  },
  CLI_WIRE_BAD_AUTHKEYS: {
    summary: 'The --authkeys file of `ha wire decode` defines no usable key',
    exitCode: 78,
    hint: 'Pass an authkeys file with an "auth N" line and a matching "N method [key]" line; `ha config check` shows every problem in it.',
  },
  // --- serial media (issue 8, @heartline/transport-serial) ---
  SERIAL_DEVICE_MISSING: {
    summary: 'The device of an ha.cf serial line does not exist',
    exitCode: 66,
    hint: 'Check the device path on the serial line of ha.cf (ls -l /dev/ttyS*, or the socat link); the medium reopens by itself once the device exists.',
  },
  SERIAL_NOT_A_TTY: {
    summary: 'The device of an ha.cf serial line is not a serial port',
    exitCode: 78,
    hint: 'Name a character device by its full path (/dev/ttyS0, /dev/ttyUSB0) on the serial line of ha.cf.',
  },
  SERIAL_OPEN_FAILED: {
    summary: 'The serial device could not be opened',
    exitCode: 74,
    hint: 'Check that the device is not used by another program (getty, another heartbeat) and that you run as root.',
  },
  SERIAL_BAD_BAUD: {
    summary: 'The serial baud rate is not one heartbeat accepts',
    exitCode: 78,
    hint: 'Use one of 9600, 19200, 38400, 57600, 115200, 230400, 460800 on the baud line, above the serial line.',
  },
  // --- membership, daemon and status (issue 5) ---
  MEMBERSHIP_LOCAL_NODE_NOT_CONFIGURED: {
    summary: "This node's name is not one of the ha.cf node lines",
    exitCode: 78,
    hint: 'Add "node <name>" to ha.cf for this machine (the name is uname -n in lowercase, or the first line of nodeinfo), or start with --node-name.',
  },
  DAEMON_CONFIG_INVALID: {
    summary: 'The configuration has errors, so the node does not start',
    exitCode: 78,
    hint: 'Run "ha config check" to see every problem with its file and line, fix them, and start again.',
  },
  DAEMON_STATE_DIR: {
    summary: 'The state directory cannot be created or written',
    exitCode: 73,
    hint: 'Create the directory (default /var/lib/heartbeat) writable by the user running ha start, or pass --state-dir.',
  },
  DAEMON_NO_TRANSPORT: {
    summary: 'No installed plugin provides a medium named in ha.cf',
    exitCode: 78,
    hint: 'Install the transport plugin for that medium (for bcast, mcast and ucast: ha plugins install @heartline/transport-udp).',
  },
  DAEMON_TRANSPORT_CONFLICT: {
    summary: 'Two installed plugins provide the same medium',
    exitCode: 78,
    hint: 'Uninstall one of the two plugins named in the message (ha plugins uninstall NAME).',
  },
  DAEMON_PLUGIN_MANIFEST: {
    summary: "A plugin's heartline section in package.json is malformed",
    exitCode: 78,
    hint: 'Fix the plugin\'s package.json: "heartline": { "apiVersion": 1, "transports": { "kind": "./dist/src/Module.js#Export" } }, or uninstall it.',
  },
  DAEMON_PLUGIN_API_VERSION: {
    summary: 'A plugin targets another plugin API version',
    exitCode: 78,
    hint: 'Install a version of the plugin made for this Heartline, or upgrade Heartline.',
  },
  DAEMON_PLUGIN_CORE_VERSION: {
    summary: 'A plugin is made for another version of @heartline/core',
    exitCode: 78,
    hint: 'Install a version of the plugin whose peerDependencies range on @heartline/core includes this Heartline\'s core (ha plugins install NAME@VERSION), or upgrade Heartline.',
  },
  DAEMON_PLUGIN_LOAD: {
    summary: 'A plugin module could not be loaded',
    exitCode: 70,
    hint: "Reinstall the plugin (ha plugins install NAME); if it persists, report it to the plugin's authors.",
  },
  DAEMON_PLUGIN_SHAPE: {
    summary: "A plugin's export is not what its manifest promises",
    exitCode: 70,
    hint: "Report it to the plugin's authors; a transport export must be a class with kinds and create().",
  },
  DAEMON_ALREADY_RUNNING: {
    summary: 'A Heartline daemon already runs with this run directory',
    exitCode: 69,
    hint: 'Stop the running daemon (systemctl stop heartline, or kill -TERM with the pid the message names), or give this one another --run-dir.',
  },
  DAEMON_CONTROL_SOCKET: {
    summary: 'The control socket cannot be created',
    exitCode: 73,
    hint: 'Create the run directory (default /run/heartline) writable by the user running ha start, or pass --run-dir.',
  },
  DAEMON_NODE_NAME: {
    summary: 'The local node name is not usable',
    exitCode: 78,
    hint: 'Pass --node-name NAME, or fix the first line of nodeinfo: 1 to 99 characters, no blanks.',
  },
  STATUS_NOT_RUNNING: {
    summary: 'No Heartline daemon answers on the control socket',
    exitCode: 1,
    hint: 'Start the node with ha start (or check --run-dir points where the daemon runs).',
  },
  STATUS_UNKNOWN_NODE: {
    summary: 'The node is not known to the running daemon',
    exitCode: 11,
    hint: 'Use a node name from "ha status" (ha.cf node lines, lowercase).',
  },
  STATUS_UNKNOWN_LINK: {
    summary: 'The node has no link of that name',
    exitCode: 13,
    hint: 'Use a link name from "ha status" for that node (the interface of a UDP medium, the device of a serial one).',
  },
  STATUS_TIMEOUT: {
    summary: 'The daemon did not answer in time',
    exitCode: 12,
    hint: 'Check that the daemon is not stuck (its log, its CPU use); retry.',
  },
  STATUS_BAD_REPLY: {
    summary: "The daemon's answer could not be understood",
    exitCode: 13,
    hint: 'Make sure ha status and the running daemon are the same Heartline version.',
  },
  // --- resource groups and agents ---
  RESOURCE_NO_AGENT: {
    summary: 'No installed plugin provides a resource type named in haresources',
    exitCode: 78,
    hint: 'Install the agent plugin for that type (scripts in /etc/ha.d/resource.d or /etc/init.d: ha plugins install @heartline/agent-lsb), or fix the name in haresources.',
  },
  RESOURCE_AGENT_CONFLICT: {
    summary: 'Two installed plugins provide the same resource type',
    exitCode: 78,
    hint: 'Uninstall one of the two plugins named in the message (ha plugins uninstall NAME).',
  },
  RESOURCE_SCRIPT_MISSING: {
    summary: 'No resource script of that name exists',
    exitCode: 78,
    hint: 'Install the service (its /etc/init.d script), or put an executable script of that name in /etc/ha.d/resource.d, or fix the name in haresources.',
  },
  RESOURCE_OCF_MISSING: {
    summary: 'An OCF resource agent or its instance parameters cannot be found',
    exitCode: 78,
    hint: 'Install the agent under $OCF_ROOT/resource.d/heartbeat (Debian package resource-agents), and write its parameters as NAME=value lines in /etc/ha.d/conf/OCF/TYPE/INSTANCE.',
  },
  RESOURCE_START_FAILED: {
    summary: 'A resource failed to start, so its group was given up',
    exitCode: 69,
    hint: "Read the resource's output in the debug log (debugfile), fix the service, then let the group start again (ha standby on the peer, or restart the node).",
  },
  RESOURCE_STOP_FAILED: {
    summary: 'A resource could not be stopped, even after retries',
    exitCode: 69,
    hint: 'Stop the service by hand and check it with its status command; until then the node may still hold it. Heartline does not reboot the machine as heartbeat would.',
  },
  RESOURCE_BAD_ARGUMENTS: {
    summary: 'A resource has arguments its agent cannot use',
    exitCode: 78,
    hint: "Write the resource as its agent documents it (the message shows the form, e.g. Type::/absolute/path::name=value); `ha plugins` names the plugin that serves the type.",
  },
  // --- ha agent test (issue 20) ---
  AGENT_TEST_FAILED: {
    summary: 'An agent failed checks of `ha agent test` that Heartline relies on at failover',
    exitCode: 1,
    hint: 'Fix what each FAIL line names (docs/writing-an-agent.md#what-ha-agent-test-checks says why Heartline needs it), then run ha agent test again; do not trust the resource to failover before it passes.',
  },
  // --- heartline.cf and resource monitoring (issue 19) ---
  HEARTLINE_CF_UNKNOWN_DIRECTIVE: {
    summary: 'heartline.cf has a directive Heartline does not know',
    exitCode: 78,
    hint: 'heartline.cf takes `monitor`, `timeouts` and `metrics` lines (see docs/heartline-cf.md); fix the spelling or remove the line.',
  },
  HEARTLINE_CF_BAD_VALUE: {
    summary: 'A monitor line of heartline.cf has a setting that is not valid',
    exitCode: 78,
    hint: 'Write `monitor RESOURCE-OR-TYPE [on|off] [interval=10s] [timeout=20s] [restarts=3] [window=10min]`: durations take ms, s, min or h (a bare number is seconds).',
  },
  HEARTLINE_CF_UNMATCHED: {
    summary: 'A monitor or timeouts line of heartline.cf names no resource in use',
    exitCode: 78,
    hint: 'Write the resource exactly as in haresources (IPaddr::10.0.0.5/24, apache::/etc/apache2/apache2.conf) or its type (apache, mysql), or remove the line.',
  },
  HEARTLINE_CF_DUPLICATE: {
    summary: 'Two monitor lines, or two timeouts lines, of heartline.cf name the same resource or type',
    exitCode: 78,
    hint: 'Keep one line per resource or type: the later line wins, key by key.',
  },
  // --- resource operation timeouts (issue 23) ---
  HEARTLINE_CF_TIMEOUTS_BAD_VALUE: {
    summary: 'A timeouts line of heartline.cf has a setting that is not valid',
    exitCode: 78,
    hint: 'Write `timeouts RESOURCE-OR-TYPE [start=DURATION] [stop=DURATION]`, each from 1s to 1h (e.g. `timeouts mysql start=5min stop=2min`); a status check\'s timeout is the `monitor` line\'s timeout=.',
  },
  // --- metrics (issue 21) ---
  HEARTLINE_CF_METRICS_BAD_VALUE: {
    summary: 'The metrics line of heartline.cf has a setting that is not valid',
    exitCode: 78,
    hint: 'Write one line `metrics [on|off] [listen=[ADDRESS:]PORT] [remote=yes]`, e.g. `metrics on` (127.0.0.1:9694) or `metrics listen=127.0.0.1:9100`; the address is an IP address, not a name.',
  },
  HEARTLINE_CF_METRICS_NOT_LOOPBACK: {
    summary: 'The metrics endpoint would listen on a non-loopback address without remote=yes',
    exitCode: 78,
    hint: 'Keep the loopback address (and scrape through an SSH tunnel or a local agent), or add remote=yes after making sure only your Prometheus can reach that address and port (docs/metrics.md#exposure).',
  },
  METRICS_LISTEN_FAILED: {
    summary: 'The metrics endpoint cannot listen on its address and port',
    exitCode: 69,
    hint: 'Free the port (ss -ltnp names the process holding it) or give another one with listen=, or an address this node has; then reload (systemctl reload heartline). The node runs on without metrics meanwhile.',
  },
  METRICS_UNAVAILABLE: {
    summary: 'The metrics endpoint cannot start: prom-client does not load',
    exitCode: 69,
    hint: 'Reinstall @heartline/cli with its dependencies (npm ci, or npm install -g @heartline/cli), then reload; the node runs on without metrics meanwhile.',
  },
  MONITOR_FAILED: {
    summary: 'A monitored resource stopped running (its status check failed)',
    exitCode: 69,
    hint: 'Heartline restarts it in place, then hands the group to the peer; read the status output in the debug log and the service\'s own log for why it died.',
  },
  MONITOR_RESTART_FAILED: {
    summary: 'A failed resource could not be restarted in place',
    exitCode: 69,
    hint: "Read the start output in the debug log (a broken service config shows there); Heartline hands the group to the peer next.",
  },
  MONITOR_HANDOVER: {
    summary: 'A group was handed to the peer because a resource kept failing',
    exitCode: 69,
    hint: 'Fix the service on this node, then bring the group back with `ha takeover` here (or `ha standby` on the peer).',
  },
  MONITOR_NO_HANDOVER: {
    summary: 'A group whose resource keeps failing cannot be handed to the peer',
    exitCode: 69,
    hint: 'No peer can take it now (none active, or auto_failback legacy, where heartbeat has no standby): Heartline keeps restarting it in place; fix the service.',
  },
  // --- the virtual IP agents (@heartline/agent-ipaddr: IPaddr, IPaddr2, IPv6addr) ---
  IPADDR_BAD_ADDRESS: {
    summary: 'A virtual IP resource names an address that is not valid',
    exitCode: 78,
    hint: 'Write IPaddr::a.b.c.d[/bits[/nic[/broadcast]]] (the bare a.b.c.d/bits/nic is the same), IPaddr2 alike with nic or nic:label, or IPv6addr::addr[/bits[/nic]], e.g. 10.0.0.5/24/eth0.',
  },
  IPADDR_BAD_NETMASK: {
    summary: 'The netmask of a virtual IP resource is not valid',
    exitCode: 78,
    hint: 'Give a prefix length (1-32 for IPv4, 1-128 for IPv6) or a dotted netmask with contiguous bits (255.255.255.0), or leave it out to take the prefix of the route that covers the address.',
  },
  IPADDR_BAD_OPTION: {
    summary: 'A virtual IP resource has an interface name, label or option that cannot be used',
    exitCode: 78,
    hint: 'Interface names and labels are at most 15 characters (an IPaddr2 label counts with its interface: eth0:web); the options Heartline accepts after the address are ::arp_count=N, ::arp_interval=MS and ::probe_ms=MS.',
  },
  IPADDR_NO_INTERFACE: {
    summary: 'The interface of a virtual IP does not exist',
    exitCode: 69,
    hint: 'Fix the interface name in haresources (`ip link` lists them) or create the interface on this node before it takes the group.',
  },
  IPADDR_NO_ROUTE: {
    summary: "No route covers a virtual IP, so its interface or netmask cannot be found",
    exitCode: 69,
    hint: "Give the interface and prefix length in haresources (10.0.0.5/24/eth0), or give the node an address in the VIP's subnet on that interface, which is what heartbeat's findif looks for too.",
  },
  IPADDR_INTERFACE_DOWN: {
    summary: 'The interface of a virtual IP is down',
    exitCode: 69,
    hint: 'Bring the interface up (ip link set dev NIC up) and let the group start again.',
  },
  IPADDR_WRONG_INTERFACE: {
    summary: 'The virtual IP is already configured on another interface than the resource names',
    exitCode: 69,
    hint: 'Remove the address from the other interface (ip addr del ADDRESS dev OTHER) or fix the interface in haresources.',
  },
  IPADDR_IN_USE: {
    summary: 'Another host already answers for the virtual IP',
    exitCode: 69,
    hint: 'Find the host with the MAC address named in the message and remove the address from it. A peer whose daemon died but whose interface still holds the VIP must be stopped (or the address removed) before this node takes over.',
  },
  IPADDR_PERMISSION: {
    summary: 'The kernel refused to change the addresses: operation not permitted',
    exitCode: 77,
    hint: 'Run the daemon as root: it needs CAP_NET_ADMIN to add and remove addresses (and CAP_NET_RAW for the ARP tools).',
  },
  IPADDR_NETLINK_UNAVAILABLE: {
    summary: 'The netlink binding that manages addresses cannot be loaded',
    exitCode: 69,
    hint: 'Reinstall Heartline with its dependencies (npm ci installs netlink 0.3.0 with its linux-x64 prebuild); on another architecture install build-essential and run npm rebuild netlink.',
  },
  IPADDR_NETLINK_FAILED: {
    summary: 'The kernel refused an address change or query',
    exitCode: 69,
    hint: 'The message names the kernel error (errno); check the interface and its addresses with ip link and ip addr.',
  },
  IPADDR_TOOL_MISSING: {
    summary: 'The tool that sends gratuitous ARPs or neighbour advertisements is not installed',
    exitCode: 69,
    hint: 'apt-get install resource-agents (send_arp, send_ua; it comes with heartbeat) or iputils-arping (arping, also used for the duplicate-address probe).',
  },
  IPADDR_GARP_FAILED: {
    summary: 'The ARP probe or the gratuitous ARP burst for a virtual IP could not be sent',
    exitCode: 69,
    hint: "The message has the tool's own words; the address was removed again, so the group can be started once the cause is fixed.",
  },
  // --- the apache agent (@heartline/agent-apache: apache, apache2, httpd) ---
  APACHE_BAD_PARAMETER: {
    summary: 'An apache resource has an argument or parameter that cannot be used',
    exitCode: 78,
    hint: 'Write apache[::/path/to/config][::name=value…] (apache2 and httpd alike) with the parameters configfile, httpd, options, statusurl, envfiles and graceful_ms, or an UPPER_CASE=value environment variable; paths absolute, options comma-separated.',
  },
  APACHE_NOT_INSTALLED: {
    summary: 'The apache binary of a resource is not installed',
    exitCode: 69,
    hint: 'Install the web server (apt-get install apache2, dnf install httpd) or give its path with ::httpd=/path/to/binary.',
  },
  APACHE_CONFIG_MISSING: {
    summary: 'The config file, an Include or an envfile of an apache resource is missing',
    exitCode: 66,
    hint: 'Create the file or fix its path: the config is the first argument or ::configfile=, the envfiles ::envfiles= (default: envvars beside the config), Includes are relative to ServerRoot.',
  },
  APACHE_NO_LISTEN: {
    summary: 'The agent finds no address to ask apache over HTTP',
    exitCode: 78,
    hint: 'Give the config a Listen directive ([address:]port) that the agent can read, or give the resource a ::statusurl=http://address:port/path that answers 2xx.',
  },
  APACHE_PORT_IN_USE: {
    summary: 'Another process already listens where apache is to listen',
    exitCode: 69,
    hint: 'Stop the process named in the message (an apache started outside the cluster, by systemd or by hand: systemctl disable --now apache2) or change the Listen address of the config.',
  },
  APACHE_START_FAILED: {
    summary: 'apache refused to start or died while starting',
    exitCode: 69,
    hint: "The message has apache's own words (a syntax error with its file and line, an address it cannot bind); apache2 -t -f CONFIG checks a config by hand. Nothing was left running.",
  },
  APACHE_NOT_ANSWERING: {
    summary: 'apache runs but does not answer HTTP',
    exitCode: 69,
    hint: "Check the URL in the message by hand (curl -v URL) and apache's error log; a statusurl must answer 2xx. A start that times out stops apache again.",
  },
  APACHE_NO_PROCESS: {
    summary: 'Something answers on the address of apache, but no apache main process runs',
    exitCode: 69,
    hint: 'Stop the resource (it kills the children of a main process killed with -9), or find the other server on that address (ss -ltnp) and stop it.',
  },
  APACHE_STOP_FAILED: {
    summary: 'apache processes survive the stop',
    exitCode: 69,
    hint: 'The message names their pids; look at them with ps -o pid,stat,cmd -p PIDS (a process stuck in the kernel, state D, cannot be killed until its I/O returns).',
  },
  APACHE_INIT_SCRIPT_BYPASSED: {
    summary: "A changed init script of apache is not run by Heartline's apache agent",
    exitCode: 78,
    hint: 'If the changes matter, make Heartline run the script as heartbeat does: ln -s /etc/init.d/apache2 /etc/ha.d/resource.d/apache2 (on every node); otherwise nothing to do.',
  },
  STANDBY_REFUSED: {
    summary: 'A standby or takeover request cannot be carried out now',
    exitCode: 69,
    hint: 'Use auto_failback on or off in ha.cf for standby; otherwise wait until ha status shows the resources stable and retry.',
  },

  // --- fencing: STONITH devices (issue 23) ---
  FENCE_NO_FENCER: {
    summary: 'No installed plugin provides the STONITH type of a stonith or stonith_host line',
    exitCode: 78,
    hint: 'Fix the type (null, ssh, meatware, external/NAME; docs/fencing.md), or install the plugin that provides it (ha plugins lists what each serves).',
  },
  FENCE_FENCER_CONFLICT: {
    summary: 'Two installed plugins provide the same STONITH type',
    exitCode: 78,
    hint: 'Uninstall one of the two plugins named in the message (ha plugins uninstall NAME).',
  },
  FENCE_BAD_PARAMETERS: {
    summary: 'A STONITH device has parameters its fencer cannot use',
    exitCode: 78,
    hint: 'Give the parameters in the order the device takes them, separated by blanks (the message names them); the last one takes the rest of the line. docs/fencing.md shows each type.',
  },
  FENCE_PLUGIN_MISSING: {
    summary: 'The external STONITH plugin script cannot be used',
    exitCode: 78,
    hint: 'Install the script as <plugin dir>/external/NAME (default /usr/lib/stonith/plugins/external), a regular file, executable, not writable by group or others.',
  },
  FENCE_FAILED: {
    summary: 'A dead node could not be reset, so its resource groups are not taken over',
    exitCode: 69,
    hint: 'Read why in the log (the device\'s output is there); fix the device, or power the node off by hand. Heartline retries every 5 s and takes over once a reset works, or leaves the groups alone when the node comes back.',
  },
  FENCE_STATUS_FAILED: {
    summary: 'The status check of the STONITH device failed',
    exitCode: 69,
    hint: 'The device may not work when a node dies: check it (its power switch, its credentials, the network to it) before a failover needs it.',
  },
  FENCE_NOT_WAITING: {
    summary: 'No reset of that node waits for a confirmation',
    exitCode: 69,
    hint: 'ha fence confirm answers a meatware reset in progress: ha status shows the resets that wait (awaitingConfirmation). Check the node name.',
  },

  // --- systemd, pid file and reload (issue 21) ---
  DAEMON_PID_FILE: {
    summary: 'The pid file in the run directory cannot be created or taken over',
    exitCode: 73,
    hint: 'Check that the run directory (default /run/heartline) is writable by the user running ha start, or pass --run-dir.',
  },
  RELOAD_CONFIG_INVALID: {
    summary: 'A reload (SIGHUP) found errors in the configuration and applied none of it',
    exitCode: 78,
    hint: 'Fix the errors logged with their file and line (ha config check shows them too), then reload again: systemctl reload heartline.',
  },
  RELOAD_NEEDS_RESTART: {
    summary: 'A configuration change cannot be applied while the node runs',
    exitCode: 78,
    hint: 'Restart the node for it (systemctl restart heartline, or ha start again after SIGTERM); its groups move to the peer meanwhile.',
  },
  SYSTEMD_NOTIFY_FAILED: {
    summary: 'The daemon could not tell systemd its state (READY=1, STOPPING=1)',
    exitCode: 69,
    hint: 'Install systemd-notify (Debian package systemd), or run the unit with Type=simple instead of Type=notify.',
  },
  SYSTEMD_UNIT_MISSING: {
    summary: 'The systemd unit shipped with Heartline cannot be read',
    exitCode: 66,
    hint: 'Reinstall @heartline/cli: its package holds systemd/heartline.service.',
  },

  // --- control socket access and protocol (issue 21) ---
  CONTROL_PERMISSION_DENIED: {
    summary: 'The control socket refused you: not root, or not in group haclient',
    exitCode: 77,
    hint: 'Ask (ha status) as root or as a member of group haclient; ha standby, ha takeover and every other command that changes the cluster need root.',
  },
  CONTROL_PROTOCOL_VERSION: {
    summary: 'ha and the running daemon speak different control protocol versions',
    exitCode: 76,
    hint: 'Restart the daemon (systemctl restart heartline) so that it runs the same Heartline as this ha.',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorCatalogue;
