package dev.warden.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every rule Warden has, found through {@link ServiceLoader} (the files {@code @AutoService} writes
 * at compile time), sorted by id. The input-error rule and the attack rules are listed too, though
 * no class runs them: reading the input does, and the audit logs' detectors.
 */
public final class RuleCatalog {

  private final List<Rule> rules;

  private RuleCatalog(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  private static final class Holder {
    static final RuleCatalog BUNDLED = load();
  }

  /** The rules on the class path, loaded once. */
  public static RuleCatalog bundled() {
    return Holder.BUNDLED;
  }

  /** A catalog of the given rules only, for tests and for runs that select rules. */
  public static RuleCatalog of(List<Rule> rules) {
    return new RuleCatalog(sorted(rules));
  }

  private static RuleCatalog load() {
    List<Rule> rules = new ArrayList<>();
    for (Rule rule : ServiceLoader.load(Rule.class, RuleCatalog.class.getClassLoader())) {
      rules.add(rule);
    }
    return new RuleCatalog(sorted(rules));
  }

  private static List<Rule> sorted(List<Rule> rules) {
    List<Rule> copy = new ArrayList<>(rules);
    copy.sort(Comparator.comparing(r -> r.info().id()));
    return copy;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The published description of every rule, the input-error rule included, by id. */
  public List<RuleInfo> infos() {
    List<RuleInfo> infos = new ArrayList<>();
    infos.add(InputErrors.RULE);
    infos.addAll(AttackFindings.rules());
    rules.forEach(r -> infos.add(r.info()));
    infos.sort(Comparator.comparing(RuleInfo::id));
    return infos;
  }

  public Optional<RuleInfo> info(String id) {
    return infos().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  <T extends Rule> List<T> ofKind(Class<T> kind) {
    List<T> matching = new ArrayList<>();
    for (Rule rule : rules) {
      if (kind.isInstance(rule)) {
        matching.add(kind.cast(rule));
      }
    }
    return matching;
  }
}
