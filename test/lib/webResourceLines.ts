import type { ClusterDaemon } from './ClusterDaemon.js';

/** The ha-log lines that show each step of the web group on a node. */
export interface WebResourceLines {
  readonly vipAdded: RegExp;
  readonly vipRemoved: RegExp;
  readonly apacheStarting: RegExp;
  readonly apacheStopping: RegExp;
}

const quote = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * What `daemon` logs for the VIP `vip` (a /24 on the lab; `vipResource` its haresources word) and
 * `apache::CONFIG`: Heartline's
 * agents say what they do (agent-ipaddr in heartbeat's IPaddr words, agent-apache the command it
 * runs and its graceful stop); heartbeat 3.0.6's ResourceManager logs each resource script it runs
 * (`Running /etc/ha.d/resource.d/IPaddr VIP start`), which it does one at a time, in group order.
 */
export function webResourceLines(daemon: ClusterDaemon, vip: string, vipResource: string, configFile: string): WebResourceLines {
  if (daemon.kind === 'heartbeat') {
    // ResourceManager prints the script's path as it got it: `/etc/ha.d//resource.d/…` under mach_down.
    const script = (name: string, arg: string, op: string): RegExp => new RegExp(`Running /etc/ha\\.d/+resource\\.d/${name} ${quote(arg)} ${op}$`);
    return {
      vipAdded: script('IPaddr', vipResource, 'start'),
      vipRemoved: script('IPaddr', vipResource, 'stop'),
      apacheStarting: script('apache', configFile, 'start'),
      apacheStopping: script('apache', configFile, 'stop'),
    };
  }
  return {
    vipAdded: new RegExp(`Adding inet address ${quote(vip)}/24 .*to device `),
    vipRemoved: new RegExp(`Removing inet address ${quote(vip)}/24 from device `),
    apacheStarting: new RegExp(`Running /usr/sbin/apache2 (.* )?-f ${quote(configFile)} -k start$`),
    apacheStopping: new RegExp(`Stopping apache::${quote(configFile)} \\(pid \\d+\\): graceful-stop`),
  };
}
