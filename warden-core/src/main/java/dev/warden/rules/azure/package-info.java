/**
 * Rules for Azure function apps: anonymous HTTP triggers, the site settings that weaken transport
 * and access (HTTPS only, TLS, FTP, remote debugging, CORS, client certificates, public network
 * access), secrets kept in app settings instead of Key Vault, and broad role assignments to the
 * app's managed identity, resolved through the bundled catalog of Azure built-in roles.
 */
@NullMarked
package dev.warden.rules.azure;

import org.jspecify.annotations.NullMarked;
