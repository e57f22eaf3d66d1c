package dev.warden.iam;

import dev.warden.inventory.Value;
import dev.warden.inventory.document.DocumentReader;
import dev.warden.inventory.document.ReadLimits;
import dev.warden.inventory.document.SourceFile;

/** Policies written in tests, read as Warden reads a policy file. */
final class Policies {

  static final IamCatalog CATALOG = IamCatalog.bundled();

  private Policies() {}

  /** The JSON text as a located value tree of {@code policy.json}. */
  static Value json(String text) {
    return new DocumentReader(ReadLimits.DEFAULT).parse(new SourceFile("policy.json", text)).root();
  }

  static PolicyDocument identity(String text) {
    PolicyParser.Parsed parsed = PolicyParser.parse(json(text), PolicyType.IDENTITY);
    if (parsed.hasErrors()) {
      throw new AssertionError("the test policy has errors: " + parsed.problems());
    }
    return parsed.document();
  }
}
