package dev.warden.rules;

import dev.warden.inventory.Api;
import dev.warden.inventory.App;
import java.util.List;

/** A rule about one API (REST, HTTP or WebSocket) and its routes, stages and authorizers. */
public non-sealed interface ApiRule extends Rule {

  List<Finding> check(Api api, App app, RuleContext context);
}
