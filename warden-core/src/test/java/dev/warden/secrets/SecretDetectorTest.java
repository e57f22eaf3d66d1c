package dev.warden.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.secrets.SecretMatch.Confidence;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretDetectorTest {

  @ParameterizedTest(name = "{0} is a {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          AKIAZ3MQ5RT2W7LKXN4B                                           | AWS access key id
          -----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA                 | private key
          eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U | JSON Web Token
          xoxb-2401234567-2412345678901-AbCdEfGhIjKlMnOpQrStUvWx          | Slack token
          ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8                        | GitHub token
          sk_live_4eC39HqLyjWDarjtT1zdp7dc00                              | Stripe secret key
          AIzaSyD3-kq7FbW2xZr5Yt8uVn1Lm4Pq6Rs9TwA                         | Google API key
          postgres://app:Tr0ub4dor3@db.internal:5432/orders               | credentials in a connection string
          """)
  void recognisesKnownFormatsWhateverTheName(String value, String kind) {
    SecretMatch match = SecretDetector.inspect("SETTING", value).orElseThrow();
    assertThat(match.kind()).isEqualTo(kind);
    assertThat(match.confidence()).isEqualTo(Confidence.KNOWN_FORMAT);
  }

  @ParameterizedTest(name = "{0}={1} is a secret by its name")
  @CsvSource({
    "DB_PASSWORD, Wint3r-is-c0ming!",
    "api-key, 5f2b8c1d9e7a",
    "SESSION_SECRET, correct horse battery",
    "ADMIN_TOKEN, letmein2024"
  })
  void flagsSecretNamesWithRealLookingValues(String name, String value) {
    assertThat(SecretDetector.inspect(name, value))
        .hasValueSatisfying(m -> assertThat(m.confidence()).isEqualTo(Confidence.SECRET_NAME));
  }

  @ParameterizedTest(name = "{0}={1} is not a secret")
  @CsvSource({
    "DB_PASSWORD_ARN, arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf",
    "API_TOKEN_PARAM, /prod/api/token",
    "DB_PASSWORD, '{{resolve:secretsmanager:prod/db:SecretString:password}}'",
    "SECRET_NAME, prod/payments",
    "TOKEN_TTL, 3600",
    "GITHUB_TOKEN, <your token here>",
    "CLIENT_SECRET, changeme",
    "TWITTER_TOKEN_SECRET, xxxxxx_xxxxxx",
    "API_KEY, ****-****-****",
    "API_KEY, ${API_KEY}",
    "COMMIT_SHA, 8f14e45fceea167a5a36dedd4bea2543c0ffee11",
    "REQUEST_ID, 6fa459ea-ee8a-3ca4-894e-db77e160355e",
    "AUTH_ENDPOINT, https://auth.example.com/oauth2/token",
    "HANDLER_PATH, com.acme.orders.CreateOrderHandlerFunction",
    "LOG_LEVEL, INFO",
    "ENABLE_AUTH, true",
    "SECRET_ROTATION_DAYS, 30",
    "DOCS_URL, https://user:password@example.com/docs"
  })
  void ignoresReferencesPlaceholdersAndSettings(String name, String value) {
    assertThat(SecretDetector.inspect(name, value)).isEmpty();
  }

  @ParameterizedTest(name = "{0} looks random")
  @CsvSource({"q8Zt4WmX2pL9vRk7Ns3Yd6Hc1Jb5Gf0A", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzQ9Lm2Tn8V"})
  void flagsHighEntropyStringsUnderInnocentNames(String value) {
    assertThat(SecretDetector.inspect("UPSTREAM_CONFIG", value))
        .hasValueSatisfying(m -> assertThat(m.confidence()).isEqualTo(Confidence.HIGH_ENTROPY));
  }

  @ParameterizedTest(name = "{0} is ordinary configuration")
  @CsvSource({
    "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders",
    "acme-orders-prod-eu-west-1-archive",
    "0123456789abcdef0123456789abcdef",
    "AcmeShopOrdersProcessingQueue"
  })
  void leavesLongOrdinaryValuesAlone(String value) {
    assertThat(SecretDetector.inspect("TARGET", value)).isEmpty();
  }

  @ParameterizedTest(name = "mask of {0}")
  @CsvSource({"sk_live_4eC39HqLyjWDarjtT1zdp7dc00", "Wint3r-is-c0ming!", "AKIAZ3MQ5RT2W7LKXN4B"})
  void masksShowAShortPrefixTheLengthAndAHashNeverTheValue(String value) {
    String masked = Masking.mask(value);
    assertThat(masked).doesNotContain(value.substring(0, Math.min(value.length(), 5)));
    assertThat(masked).contains(value.length() + " chars", "sha256:" + Masking.hash(value));
    assertThat(Masking.hash(value)).hasSize(8).isEqualTo(Masking.hash(value));
  }
}
