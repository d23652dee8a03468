// glibc's facilitynames, which heartbeat's `cl_syslogfac_str2int` searches (exact, lowercase).
const facilities: Readonly<Record<string, number>> = {
  kern: 0,
  user: 1,
  mail: 2,
  daemon: 3,
  auth: 4,
  security: 4,
  syslog: 5,
  lpr: 6,
  news: 7,
  uucp: 8,
  cron: 9,
  authpriv: 10,
  ftp: 11,
  local0: 16,
  local1: 17,
  local2: 18,
  local3: 19,
  local4: 20,
  local5: 21,
  local6: 22,
  local7: 23,
};

/** The syslog facility number of a name as ha.cf's `logfacility` takes it, or undefined. */
export function syslogFacilityCode(name: string): number | undefined {
  return Object.hasOwn(facilities, name) ? facilities[name] : undefined;
}

/** Every facility name `logfacility` accepts (besides `none`). */
export function syslogFacilityNames(): string[] {
  return Object.keys(facilities);
}
