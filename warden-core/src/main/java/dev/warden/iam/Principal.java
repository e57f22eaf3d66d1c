package dev.warden.iam;

import java.util.Optional;

/**
 * Who makes a request: an IAM user or role ({@code arn:aws:iam::111122223333:role/fn}), a role
 * session ({@code arn:aws:sts::111122223333:assumed-role/fn/session}), an account root, or an AWS
 * service principal ({@code lambda.amazonaws.com}).
 */
public final class Principal {

  private final String arn;
  private final Optional<String> account;
  private final boolean service;

  public Principal(String arn) {
    this.arn = arn;
    this.service = !arn.startsWith("arn:") && arn.endsWith(".amazonaws.com");
    String[] parts = arn.split(":", 6);
    this.account =
        parts.length == 6 && !parts[4].isEmpty() ? Optional.of(parts[4]) : Optional.empty();
  }

  /** The ARN as given ({@code arn:aws:iam::111122223333:role/fn}), or a service's name. */
  public String arn() {
    return arn;
  }

  public boolean isService() {
    return service;
  }

  /** The principal's account, from its ARN. */
  public Optional<String> account() {
    return account;
  }

  public String partition() {
    String[] parts = arn.split(":", 6);
    return parts.length == 6 ? parts[1] : "aws";
  }

  /** {@code user}, {@code role}, {@code assumed-role}, {@code root}… from the ARN. */
  public String kind() {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6) {
      return isService() ? "service" : "unknown";
    }
    String resource = parts[5];
    if (resource.equals("root")) {
      return "root";
    }
    int slash = resource.indexOf('/');
    return slash < 0 ? resource : resource.substring(0, slash);
  }

  /**
   * The role ARN of a role session ({@code arn:aws:sts::1:assumed-role/R/S} gives {@code
   * arn:aws:iam::1:role/R}).
   */
  public Optional<String> roleOfSession() {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !parts[5].startsWith("assumed-role/")) {
      return Optional.empty();
    }
    String rest = parts[5].substring("assumed-role/".length());
    int slash = rest.lastIndexOf('/');
    String role = slash < 0 ? rest : rest.substring(0, slash);
    return Optional.of("arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + role);
  }

  /** The name of an IAM user, for {@code aws:username}. */
  public Optional<String> userName() {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !parts[5].startsWith("user/")) {
      return Optional.empty();
    }
    String path = parts[5].substring("user/".length());
    return Optional.of(path.substring(path.lastIndexOf('/') + 1));
  }

  /**
   * True when an {@code AWS} principal value of a policy names this principal: its own ARN, its
   * account (id or root ARN), or the role of its session.
   */
  public boolean isNamedBy(String value) {
    if (isService()) {
      return false;
    }
    if (value.equals(arn)) {
      return true;
    }
    Optional<String> account = account();
    if (account.isPresent()
        && (value.equals(account.get())
            || value.equals("arn:" + partition() + ":iam::" + account.get() + ":root"))) {
      return true;
    }
    Optional<String> role = roleOfSession();
    return role.isPresent() && roleArnWithoutPath(role.get()).equals(roleArnWithoutPath(value));
  }

  /** Role ARNs in sessions carry no path; a policy may name the role with its path. */
  private static String roleArnWithoutPath(String roleArn) {
    int marker = roleArn.indexOf(":role/");
    if (marker < 0) {
      return roleArn;
    }
    String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    return roleArn.substring(0, marker) + ":role/" + name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Principal that && arn.equals(that.arn);
  }

  @Override
  public int hashCode() {
    return arn.hashCode();
  }

  @Override
  public String toString() {
    return arn;
  }
}
