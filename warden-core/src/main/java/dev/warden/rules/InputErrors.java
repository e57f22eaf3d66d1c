package dev.warden.rules;

import dev.warden.inventory.InputProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns problems met while reading input into {@code input-error} findings. */
public final class InputErrors {

  /** Never counted by {@code --fail-on}: it says the scan saw less than it was given. */
  public static final RuleInfo RULE =
      new RuleInfo(
          "WDN-INPUT-001",
          "Input could not be fully read",
          Severity.INFO,
          Category.INPUT_ERROR,
          Optional.empty(),
          "Fix the file at the location given; until then, what it declares is not analysed.",
          List.of(
              "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html"));

  private InputErrors() {}

  public static Finding finding(InputProblem problem) {
    String message = problem.message() + (problem.hint().isBlank() ? "" : " — " + problem.hint());
    return new Finding(
        RULE,
        RULE.severity(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        problem.at(),
        message,
        Fingerprint.of(
            RULE.id(), problem.at().file(), Fingerprint.withoutNumbers(problem.message())),
        Optional.empty(),
        Map.of());
  }
}
