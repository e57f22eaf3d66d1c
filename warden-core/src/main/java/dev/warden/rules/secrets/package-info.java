/**
 * Rules about secrets in function configuration: credentials in environment variables (and the
 * parameter defaults that feed them), and secret variables left without a customer KMS key. Every
 * message shows a secret only in its masked form.
 */
@NullMarked
package dev.warden.rules.secrets;

import org.jspecify.annotations.NullMarked;
