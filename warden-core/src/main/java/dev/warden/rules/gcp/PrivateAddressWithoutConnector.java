package dev.warden.rules.gcp;

import com.google.auto.service.AutoService;
import dev.warden.inventory.App;
import dev.warden.inventory.Cloud;
import dev.warden.inventory.EnvironmentVariable;
import dev.warden.inventory.ServerlessFunction;
import dev.warden.rules.Category;
import dev.warden.rules.Finding;
import dev.warden.rules.FunctionRule;
import dev.warden.rules.Owasp;
import dev.warden.rules.Rule;
import dev.warden.rules.RuleContext;
import dev.warden.rules.RuleInfo;
import dev.warden.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flags Google Cloud functions without a VPC connector whose environment points at a database,
 * cache or broker ({@code postgres://}, {@code redis://}, a {@code *_HOST} variable…) by IP address
 * or internal host name: a private address is unreachable without a connector (so the service is
 * usually opened to the internet instead), and a public address means the database accepts
 * connections from the internet. Cloud SQL connections through {@code /cloudsql/} sockets are not
 * flagged: the Cloud SQL connector encrypts and authorises them.
 */
@AutoService(Rule.class)
public final class PrivateAddressWithoutConnector implements FunctionRule {

  static final RuleInfo INFO =
      new RuleInfo(
          "WDN-GCP-006",
          "Google Cloud function reaches a database or private service without a VPC connector",
          Severity.MEDIUM,
          Category.INSECURE_CONFIG,
          Optional.of(Owasp.SAS_3),
          "Attach a Serverless VPC Access connector or Direct VPC egress (--vpc-connector,"
              + " Terraform vpc_connector) with egress PRIVATE_RANGES_ONLY or ALL_TRAFFIC, give the"
              + " database a private IP only, and close its public endpoint; for Cloud SQL, the"
              + " Cloud SQL connector is an alternative.",
          List.of(
              "https://cloud.google.com/functions/docs/networking/connecting-vpc",
              "https://cloud.google.com/sql/docs/postgres/connect-functions"));

  private static final Pattern SERVICE_URL =
      Pattern.compile(
          "(?i)^(postgres(?:ql)?|mysql|mariadb|redis|rediss|mongodb|amqp|amqps|memcached|sqlserver|jdbc:[a-z]+)://(?:[^@/]*@)?([^:/?,]+)");
  private static final Pattern HOST_NAME =
      Pattern.compile(
          "(?i).*(DB|DATABASE|SQL|POSTGRES|MYSQL|REDIS|MONGO|CACHE|MEMCACHE|AMQP|RABBIT|ELASTIC)[A-Z_]*_(HOST|ADDR|ADDRESS|IP|SERVER|ENDPOINT)$");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<Cloud> clouds() {
    return Set.of(Cloud.GCP);
  }

  @Override
  public List<Finding> check(ServerlessFunction function, App app, RuleContext context) {
    if (function.host().vpcConnector().isPresent()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (EnvironmentVariable variable : function.environment()) {
      Optional<String> value = variable.value().concrete();
      if (value.isEmpty()) {
        continue;
      }
      Optional<String> host = host(variable.name(), value.get().trim());
      if (host.isEmpty()) {
        continue;
      }
      String where = classify(host.get());
      if (where.isEmpty()) {
        continue;
      }
      findings.add(
          Finding.of(
              INFO,
              function,
              variable.valueAt(),
              variable.name(),
              function.logicalId()
                  + " has no VPC connector but "
                  + variable.name()
                  + " points at "
                  + host.get()
                  + ", "
                  + where));
    }
    return findings;
  }

  private static Optional<String> host(String name, String value) {
    Matcher url = SERVICE_URL.matcher(value);
    if (url.find()) {
      return Optional.of(url.group(2));
    }
    if (HOST_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches()
        && !value.startsWith("/cloudsql/")) {
      String host = value.replaceFirst(":\\d+$", "");
      return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }
    return Optional.empty();
  }

  /** Why the address matters; empty for names Warden cannot place (public DNS names). */
  private static String classify(String host) {
    String lower = host.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".internal") || lower.endsWith(".local") || lower.equals("localhost")) {
      return lower.equals("localhost")
          ? ""
          : "an internal name that only resolves and routes inside the VPC";
    }
    Matcher ip = IPV4.matcher(host);
    if (!ip.matches()) {
      return "";
    }
    int a = Integer.parseInt(ip.group(1));
    int b = Integer.parseInt(ip.group(2));
    boolean isPrivate =
        a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) || a == 127;
    if (a == 127) {
      return "";
    }
    return isPrivate
        ? "a private address it cannot reach without a connector (the service is often opened to"
            + " the internet instead)"
        : "a public address: the service accepts connections from the internet";
  }
}
