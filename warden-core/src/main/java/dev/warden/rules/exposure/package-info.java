/**
 * Rules about how functions can be reached: routes and URLs without authentication, invoke
 * permissions for anybody, public resources that trigger functions, CORS.
 */
@NullMarked
package dev.warden.rules.exposure;

import org.jspecify.annotations.NullMarked;
