package dev.warden.deps.installed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one source file of an installed package does that malicious packages do, read with patterns
 * like those of GuardDog and Socket: each signal with its line. Reading the whole environment is
 * only a signal together with a way out of the function (a network call) in the same file; so is
 * reading credential files. Signals are kept to one per kind and line.
 */
public final class CodeSignals {

  private static final Pattern WHOLE_ENVIRONMENT =
      Pattern.compile(
          "JSON\\.stringify\\(\\s*process\\.env\\s*\\)"
              + "|Object\\.(?:keys|entries|values)\\(\\s*process\\.env\\s*\\)"
              + "|json\\.dumps\\(\\s*(?:dict\\()?\\s*os\\.environ"
              + "|dict\\(\\s*os\\.environ\\s*\\)"
              + "|os\\.environ\\.(?:copy|items)\\(\\)"
              + "|str\\(\\s*os\\.environ\\s*\\)"
              + "|open\\(\\s*['\"]/proc/self/environ");
  private static final Pattern CREDENTIALS =
      Pattern.compile(
          "\\.aws/credentials|\\.npmrc\\b|\\.ssh/id_(?:rsa|ed25519|ecdsa)|\\.git-credentials"
              + "|\\.docker/config\\.json|/etc/shadow");
  private static final Pattern NETWORK =
      Pattern.compile(
          "\\bhttps?\\.(?:request|get)\\(|(?<!function )\\bfetch\\(|\\baxios(?:\\.(?:post|get|put))?\\("
              + "|\\bnet\\.(?:connect|createConnection)\\(|\\bdns\\.(?:lookup|resolve\\w*)\\("
              + "|XMLHttpRequest|\\brequests\\.(?:post|get|put)\\(|urllib\\.request\\.urlopen\\("
              + "|\\burlopen\\(|socket\\.socket\\(|http\\.client\\.HTTPS?Connection\\("
              + "|\\bhttpx\\.(?:post|get)\\(");
  private static final Pattern DOWNLOAD_AND_RUN =
      Pattern.compile(
          "(?:curl|wget)\\s[^'\"`\\n]*\\|\\s*(?:ba|z)?sh\\b"
              + "|(?:curl|wget)\\s[^'\"`\\n]*&&\\s*(?:chmod\\s+\\+x|\\./|sh\\s|bash\\s)"
              + "|exec\\(\\s*(?:urllib\\.request\\.)?urlopen\\("
              + "|exec\\(\\s*requests\\.get\\("
              + "|powershell[^'\"\\n]*(?:DownloadString|IEX|Invoke-Expression|-enc)"
              + "|Invoke-WebRequest[^'\"\\n]*\\|\\s*iex");
  private static final Pattern DECODE_AND_RUN =
      Pattern.compile(
          "\\beval\\(\\s*(?:atob|unescape|decodeURIComponent)\\("
              + "|\\beval\\(\\s*Buffer\\.from\\([^)]*['\"](?:base64|hex)['\"]"
              + "|new\\s+Function\\(\\s*(?:atob\\(|Buffer\\.from\\()"
              + "|\\bexec\\(\\s*(?:base64\\.b(?:64|32)decode|zlib\\.decompress|marshal\\.loads"
              + "|codecs\\.decode|bytes\\.fromhex|__import__\\(['\"]base64)"
              + "|\\beval\\(\\s*compile\\(\\s*base64");
  private static final Pattern OBFUSCATED_NAME = Pattern.compile("\\b_0x[0-9a-f]{4,6}\\b");
  private static final Pattern OBFUSCATOR_LOOP = Pattern.compile("while\\s*\\(\\s*!!\\[\\]\\s*\\)");
  private static final Pattern ESCAPE_RUN = Pattern.compile("(?:\\\\x[0-9a-fA-F]{2}){40,}");
  private static final Pattern SUSPICIOUS_HOST =
      Pattern.compile(
          "(?i)\\b(?:pastebin\\.com|paste\\.ee|hastebin\\.com|ghostbin\\.\\w+|rentry\\.co"
              + "|transfer\\.sh|discord(?:app)?\\.com/api/webhooks|hooks\\.slack\\.com/services"
              + "|webhook\\.site|requestbin\\.\\w+|\\w+\\.pipedream\\.net|\\w+\\.ngrok(?:-free)?\\.(?:io|app)"
              + "|burpcollaborator\\.net|\\w+\\.oastify\\.com|\\w+\\.interact\\.sh"
              + "|\\w+\\.oast\\.(?:pro|live|site|online|fun|me)|canarytokens\\.com"
              + "|api\\.telegram\\.org/bot)");

  /**
   * {@code http://1.2.3.4/…} or {@code "1.2.3.4:8080"}: a bare quoted dotted quad may be a version.
   */
  /** A dotted quad right after {@code ://}: {@code http://45.77.12.34:8080/}. */
  private static final Pattern RAW_IP =
      Pattern.compile(
          "((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})(?![\\d.])");

  /** Obfuscator-made names counted in one file before the file is called obfuscated. */
  private static final int OBFUSCATED_NAMES = 10;

  private CodeSignals() {}

  /** The signals of one file; {@code file} names it in them. */
  public static List<Signal> scan(String file, String source) {
    Lines lines = new Lines(source);
    List<Signal> signals = new ArrayList<>();
    // Each pattern runs over the whole text, and only when a word it needs is there at all: a
    // package's code is mostly harmless, and reading it must cost little.
    everyLine(
        signals,
        Signal.Kind.DOWNLOAD_AND_RUN,
        DOWNLOAD_AND_RUN,
        file,
        lines,
        source,
        "curl",
        "wget",
        "urlopen",
        "requests.get",
        "owershell",
        "Invoke-WebRequest");
    if (containsAny(source, "eval(", "new Function")
        || (source.contains("exec(")
            && containsAny(
                source,
                "b64decode",
                "b32decode",
                "zlib",
                "marshal",
                "codecs",
                "fromhex",
                "__import__"))) {
      everyLine(signals, Signal.Kind.DECODE_AND_RUN, DECODE_AND_RUN, file, lines, source, "(");
    }
    everyLine(
        signals,
        Signal.Kind.SUSPICIOUS_HOST,
        SUSPICIOUS_HOST,
        file,
        lines,
        source,
        "paste",
        "hastebin",
        "ghostbin",
        "rentry",
        "transfer.sh",
        "webhook",
        "hooks.slack",
        "requestbin",
        "pipedream",
        "ngrok",
        "burpcollaborator",
        "oastify",
        "interact.sh",
        "oast.",
        "canarytokens",
        "api.telegram");
    int lastIpLine = 0;
    Matcher ip = RAW_IP.matcher(source);
    for (int at = source.indexOf("://"); at >= 0; at = source.indexOf("://", at + 3)) {
      ip.region(at + 3, Math.min(source.length(), at + 3 + 16));
      if (ip.lookingAt() && isPublic(ip.group(1))) {
        int line = lines.lineOf(at);
        if (line != lastIpLine) {
          lastIpLine = line;
          signals.add(new Signal(Signal.Kind.RAW_IP, file, line, lines.evidence(at)));
        }
      }
    }
    int environment = first(WHOLE_ENVIRONMENT, source, "process.env", "os.environ", "environ");
    int credentials =
        first(
            CREDENTIALS,
            source,
            ".aws",
            ".npmrc",
            ".ssh",
            ".git-credentials",
            ".docker",
            "/etc/shadow");
    // with nothing to send, the way out is not looked for
    int network =
        environment < 0 && credentials < 0
            ? -1
            : first(
                NETWORK,
                source,
                "http",
                "fetch(",
                "axios",
                "net.",
                "dns.",
                "XMLHttp",
                "requests.",
                "urlopen",
                "socket.");
    if (network >= 0 && (environment >= 0 || credentials >= 0)) {
      int at = environment >= 0 ? environment : credentials;
      signals.add(
          new Signal(
              Signal.Kind.EXFILTRATION,
              file,
              lines.lineOf(at),
              lines.evidence(at)
                  + " … sent with line "
                  + lines.lineOf(network)
                  + ": "
                  + lines.evidence(network)));
    } else if (credentials >= 0) {
      signals.add(
          new Signal(
              Signal.Kind.CREDENTIAL_ACCESS,
              file,
              lines.lineOf(credentials),
              lines.evidence(credentials)));
    }
    if (source.contains("_0x") || source.contains("!![]") || source.contains("\\x")) {
      int names = 0;
      int firstAt = -1;
      for (Pattern pattern : List.of(OBFUSCATED_NAME, OBFUSCATOR_LOOP, ESCAPE_RUN)) {
        Matcher matcher = pattern.matcher(source);
        while (matcher.find() && names < OBFUSCATED_NAMES) {
          names += pattern == OBFUSCATED_NAME ? 1 : OBFUSCATED_NAMES;
          firstAt = firstAt < 0 ? matcher.start() : Math.min(firstAt, matcher.start());
        }
      }
      if (names >= OBFUSCATED_NAMES) {
        signals.add(
            new Signal(
                Signal.Kind.OBFUSCATION, file, lines.lineOf(firstAt), lines.evidence(firstAt)));
      }
    }
    return signals;
  }

  /** The longest line of the text, in characters. */
  public static int longestLine(String source) {
    return new Lines(source).longest();
  }

  private static void everyLine(
      List<Signal> signals,
      Signal.Kind kind,
      Pattern pattern,
      String file,
      Lines lines,
      String source,
      String... words) {
    if (!containsAny(source, words)) {
      return;
    }
    int last = 0;
    Matcher matcher = pattern.matcher(source);
    while (matcher.find()) {
      int line = lines.lineOf(matcher.start());
      if (line != last) {
        last = line;
        signals.add(new Signal(kind, file, line, lines.evidence(matcher.start())));
      }
    }
  }

  /** Where the pattern first matches, or -1; not looked for when none of the words is there. */
  private static int first(Pattern pattern, String source, String... words) {
    if (!containsAny(source, words)) {
      return -1;
    }
    Matcher matcher = pattern.matcher(source);
    return matcher.find() ? matcher.start() : -1;
  }

  private static boolean containsAny(String source, String... words) {
    for (String word : words) {
      if (source.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Line numbers of offsets in a text, by binary search over where lines start. */
  private static final class Lines {
    private final String text;
    private final int[] starts;

    Lines(String text) {
      this.text = text;
      int count = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          count++;
        }
      }
      starts = new int[count];
      int line = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts[line++] = i + 1;
        }
      }
    }

    int lineOf(int offset) {
      int found = java.util.Arrays.binarySearch(starts, offset);
      return (found >= 0 ? found : -found - 2) + 1;
    }

    String evidence(int offset) {
      int line = lineOf(offset) - 1;
      int end = line + 1 < starts.length ? starts[line + 1] - 1 : text.length();
      String whole = text.substring(starts[line], end);
      return CodeSignals.evidence(whole, offset - starts[line]);
    }

    int longest() {
      int longest = 0;
      for (int i = 0; i < starts.length; i++) {
        int end = i + 1 < starts.length ? starts[i + 1] - 1 : text.length();
        longest = Math.max(longest, end - starts[i]);
      }
      return longest;
    }
  }

  /** Up to 120 characters of the line from a little before {@code at}. */
  static String evidence(String line, int at) {
    int start = Math.max(0, at - 20);
    String text = line.substring(start, Math.min(line.length(), start + 120)).strip();
    return (start > 0 ? "…" : "") + text + (start + 120 < line.length() ? "…" : "");
  }

  /** Not a private, loopback, link-local, documentation or unspecified address. */
  static boolean isPublic(String address) {
    String[] parts = address.split("\\.", -1);
    int a = Integer.parseInt(parts[0]);
    int b = Integer.parseInt(parts[1]);
    int c = Integer.parseInt(parts[2]);
    return !(a == 0
        || a == 10
        || a == 127
        || a >= 224
        || (a == 169 && b == 254)
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168)
        || (a == 192 && b == 0 && c == 2)
        || (a == 198 && b == 51 && c == 100)
        || (a == 203 && b == 0 && c == 113)
        || (a == 100 && b >= 64 && b <= 127)
        || address.equals("255.255.255.255"));
  }
}
