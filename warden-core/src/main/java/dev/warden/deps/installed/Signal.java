package dev.warden.deps.installed;

/**
 * One thing seen in a package's code that malicious packages do.
 *
 * @param file the file, relative to the scan root
 * @param evidence the code as written (cut to 120 characters)
 */
public record Signal(Kind kind, String file, int line, String evidence) {

  /** What was seen, from worst to least bad. */
  public enum Kind {
    EXFILTRATION("sends the environment or credentials out"),
    DOWNLOAD_AND_RUN("downloads code and runs it"),
    DECODE_AND_RUN("decodes hidden code and runs it"),
    CREDENTIAL_ACCESS("reads credential files or the instance credentials endpoint"),
    OBFUSCATION("obfuscated code"),
    MINIFIED_PAYLOAD("a minified file in a package that ships readable code"),
    SUSPICIOUS_HOST("talks to a paste, webhook or tunnelling site"),
    RAW_IP("talks to a raw IP address");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }
}
