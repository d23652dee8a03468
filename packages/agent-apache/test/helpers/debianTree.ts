import type { FakeMachine } from './FakeMachine.js';

/** Debian's /etc/apache2/envvars, as the apache2 package ships it (comments shortened). */
export const DEBIAN_ENVVARS = `# envvars - default environment variables for apache2ctl

# this won't be correct after changing uid
unset HOME

# for supporting multiple apache2 instances
if [ "\${APACHE_CONFDIR##/etc/apache2-}" != "\${APACHE_CONFDIR}" ] ; then
	SUFFIX="-\${APACHE_CONFDIR##/etc/apache2-}"
else
	SUFFIX=
fi

export APACHE_RUN_USER=www-data
export APACHE_RUN_GROUP=www-data
# temporary state file location. This might be changed to /run in Wheezy+1
export APACHE_PID_FILE=/var/run/apache2$SUFFIX/apache2.pid
export APACHE_RUN_DIR=/var/run/apache2$SUFFIX
export APACHE_LOCK_DIR=/var/lock/apache2$SUFFIX
# Only /var/log/apache2 is handled by /etc/logrotate.d/apache2.
export APACHE_LOG_DIR=/var/log/apache2$SUFFIX

## The locale used by some modules like mod_dav
export LANG=C
#. /etc/default/locale

export LANG
#export APACHE_ARGUMENTS=''
`;

/** Debian's /etc/apache2 (or /etc/apache2-NAME) layout, reduced to what the agent reads. */
export function debianTree(machine: FakeMachine, dir = '/etc/apache2'): FakeMachine {
  return machine
    .write(`${dir}/envvars`, DEBIAN_ENVVARS)
    .write(
      `${dir}/apache2.conf`,
      [
        '# This is the main Apache server configuration file.',
        '#ServerRoot "/etc/apache2"',
        'DefaultRuntimeDir ${APACHE_RUN_DIR}',
        'PidFile ${APACHE_PID_FILE}',
        'User ${APACHE_RUN_USER}',
        'ErrorLog ${APACHE_LOG_DIR}/error.log',
        'IncludeOptional mods-enabled/*.load',
        'IncludeOptional mods-enabled/*.conf',
        'Include ports.conf',
        'IncludeOptional conf-enabled/*.conf',
        'IncludeOptional sites-enabled/*.conf',
        '',
      ].join('\n'),
    )
    .write(`${dir}/mods-enabled/mpm_event.load`, 'LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n')
    .write(`${dir}/mods-enabled/dir.load`, 'LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so\n')
    .write(`${dir}/ports.conf`, 'Listen 80\n\n<IfModule ssl_module>\n\tListen 443\n</IfModule>\n\n<IfModule mod_gnutls.c>\n\tListen 443\n</IfModule>\n')
    .write(`${dir}/sites-enabled/000-default.conf`, '<VirtualHost *:80>\n\tDocumentRoot /var/www/html\n\tErrorLog ${APACHE_LOG_DIR}/site-error.log\n</VirtualHost>\n');
}
