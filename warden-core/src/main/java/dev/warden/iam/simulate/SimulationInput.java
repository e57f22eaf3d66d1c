package dev.warden.iam.simulate;

import dev.warden.iam.PolicySet;
import dev.warden.iam.Request;

/** One line of a simulation: the request and every policy that takes part. */
record SimulationInput(Request request, PolicySet policies) {}
