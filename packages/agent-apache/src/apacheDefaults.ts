import type { ApacheType } from './ApacheSpec.js';

/**
 * Where each type looks for its config file and binary when the resource does not say: the first
 * that exists, else the first. `apache` looks where the OCF apache agent does (Debian, Red Hat,
 * SUSE); the bare `apache2` and `httpd` are Debian's and Red Hat's packages.
 */
export const apacheDefaults: Readonly<Record<ApacheType, { readonly configFiles: readonly string[]; readonly binaries: readonly string[] }>> = {
  apache: {
    configFiles: ['/etc/apache2/apache2.conf', '/etc/httpd/conf/httpd.conf', '/etc/apache2/httpd.conf'],
    binaries: ['/usr/sbin/apache2', '/usr/sbin/httpd', '/usr/sbin/httpd2', '/usr/local/apache2/bin/httpd'],
  },
  apache2: { configFiles: ['/etc/apache2/apache2.conf'], binaries: ['/usr/sbin/apache2'] },
  httpd: { configFiles: ['/etc/httpd/conf/httpd.conf'], binaries: ['/usr/sbin/httpd'] },
};
