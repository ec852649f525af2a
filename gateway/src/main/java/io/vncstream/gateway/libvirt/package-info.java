/**
 * {@code --libvirt URI --domain DOMAIN}: the gateway's upstream and devices from a libvirt
 * domain, through the same libvirt module the viewer uses, hot-plug from the domain's events.
 */
package io.vncstream.gateway.libvirt;
