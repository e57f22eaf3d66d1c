/**
 * Azure Functions: ARM templates (Bicep compiled to ARM JSON included) with their function apps
 * ({@code Microsoft.Web/sites} of kind {@code functionapp}), site configuration, app settings,
 * managed identities and role assignments; and function projects ({@code host.json}, {@code
 * function.json} bindings, the Python v2 and Node.js v4 programming models in code, C# attributes).
 * ARM template expressions are evaluated where their inputs are known ({@link
 * dev.warden.inventory.azure.ArmExpressions}); what only deployment knows stays symbolic.
 */
@NullMarked
package dev.warden.inventory.azure;

import org.jspecify.annotations.NullMarked;
