package dev.warden.logs.simulate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.warden.logs.simulate.SimulatedFunction.Call;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the CloudTrail of a simulated account (see the package description), hour by hour in event
 * time, as JSON Lines or as files laid out the way CloudTrail delivers them to S3. Attacks begin
 * after the first day, so that every principal has a day of baseline; an attack that would fall
 * after the last simulated day is left out, with its label.
 */
public final class TrailSimulator {

  /**
   * What to simulate.
   *
   * @param seed the seed: the same settings write the same bytes
   * @param functions how many functions (at least the eight the scenarios use)
   * @param days how many days, from {@link #START}; attacks need three
   * @param invocationsPerHour the average invocations of an ordinary function in an hour
   * @param attacks whether to inject the attacks (off: only normal traffic and look-alikes)
   */
  public record Settings(
      long seed, int functions, int days, double invocationsPerHour, boolean attacks) {

    public Settings {
      functions = Math.max(functions, NAMED);
      days = Math.max(days, 1);
    }

    /** Twenty-four functions for three days, forty invocations an hour each, attacks in. */
    public static Settings defaults() {
      return new Settings(7, 24, 3, 40, true);
    }
  }

  /**
   * The first simulated moment: Monday 1 June 2026, midnight UTC — early enough that a long
   * simulation (up to 180 days) still ends before today, as real logs do.
   */
  public static final Instant START = Instant.parse("2026-06-01T00:00:00Z");

  static final String ACCOUNT = RecordWriter.ACCOUNT;
  private static final int NAMED = 8;
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private final Settings settings;
  private final Random random;
  private final Records records;
  private final List<SimulatedFunction> functions = new ArrayList<>();
  private final List<SimulatedRecord> scripted = new ArrayList<>();
  private final List<Label> labels = new ArrayList<>();
  private final long start = START.toEpochMilli();
  private final long end;
  private long written;

  public TrailSimulator(Settings settings) {
    this.settings = settings;
    this.random = new Random(settings.seed());
    this.records = new Records(random, start);
    this.end = start + settings.days() * DAY;
    createFunctions();
    script();
    scripted.removeIf(r -> r.time >= end);
    scripted.sort(Comparator.comparingLong((SimulatedRecord r) -> r.time).thenComparing(r -> r.id));
  }

  /** The attacks injected, each with the detections it must raise. */
  public List<Label> labels() {
    return List.copyOf(labels);
  }

  /** How many records were written so far. */
  public long written() {
    return written;
  }

  /** Writes every record as JSON Lines, in event time. */
  public void writeJsonLines(OutputStream out) throws IOException {
    JsonGenerator generator = RecordWriter.generator(out);
    generate(
        hour -> {
          for (SimulatedRecord record : hour) {
            RecordWriter.write(generator, record);
            generator.writeRaw('\n');
            written++;
          }
          generator.flush();
        });
  }

  /**
   * Writes the records as CloudTrail delivers them: gzipped {@code {"Records": [...]}} files of at
   * most {@code perFile} records under {@code AWSLogs/<account>/CloudTrail/<region>/yyyy/MM/dd/}.
   */
  public void writeTrail(Path folder, int perFile) throws IOException {
    DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    DateTimeFormatter stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    Random names = new Random(settings.seed() ^ 0x5DEECE66DL);
    long[] lastDelivery = {Long.MIN_VALUE / 2};
    generate(
        hour -> {
          for (int from = 0; from < hour.size(); from += perFile) {
            List<SimulatedRecord> chunk = hour.subList(from, Math.min(hour.size(), from + perFile));
            // a file's name carries its delivery minute; each file a later minute than the last,
            // so that name order is delivery order, as with CloudTrail's five-minute deliveries
            long minute = (chunk.get(chunk.size() - 1).time + 5 * MINUTE) / MINUTE * MINUTE;
            lastDelivery[0] = Math.max(minute, lastDelivery[0] + MINUTE);
            Instant delivered = Instant.ofEpochMilli(lastDelivery[0]);
            Path dir =
                folder.resolve(
                    "AWSLogs/"
                        + ACCOUNT
                        + "/CloudTrail/"
                        + RecordWriter.REGION
                        + "/"
                        + day.format(delivered));
            Files.createDirectories(dir);
            Path file =
                dir.resolve(
                    ACCOUNT
                        + "_CloudTrail_"
                        + RecordWriter.REGION
                        + "_"
                        + stamp.format(delivered)
                        + "_"
                        + Records.hex(names, 16)
                        + ".json.gz");
            try (OutputStream out =
                new GZIPOutputStream(
                    new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                    1 << 16)) {
              JsonGenerator generator = RecordWriter.generator(out);
              generator.writeStartObject();
              generator.writeArrayFieldStart("Records");
              for (SimulatedRecord record : chunk) {
                RecordWriter.write(generator, record);
                written++;
              }
              generator.writeEndArray();
              generator.writeEndObject();
              generator.flush();
            }
          }
        });
  }

  @FunctionalInterface
  private interface HourSink {
    void accept(List<SimulatedRecord> records) throws IOException;
  }

  private void generate(HourSink sink) throws IOException {
    int next = 0;
    for (long hour = start; hour < end; hour += HOUR) {
      List<SimulatedRecord> records = new ArrayList<>();
      for (SimulatedFunction function : functions) {
        traffic(function, hour, records);
      }
      while (next < scripted.size() && scripted.get(next).time < hour + HOUR) {
        records.add(scripted.get(next++));
      }
      long from = hour;
      records.removeIf(r -> r.time < from || r.time >= from + HOUR);
      records.sort(
          Comparator.comparingLong((SimulatedRecord r) -> r.time).thenComparing(r -> r.id));
      sink.accept(records);
    }
  }

  // ---------------------------------------------------------------- the account

  private void createFunctions() {
    String table = "arn:aws:dynamodb:" + RecordWriter.REGION + ":" + ACCOUNT + ":table/";
    String secret = "arn:aws:secretsmanager:" + RecordWriter.REGION + ":" + ACCOUNT + ":secret:";
    double rate = settings.invocationsPerHour();
    add(
        "orders-api",
        rate * 1.5,
        "apigateway.amazonaws.com",
        0,
        Records.item("GetItem", table + "orders", true),
        Records.item("PutItem", table + "orders", false));
    add(
        "image-resize",
        rate,
        "s3.amazonaws.com",
        0,
        Records.object("GetObject", "acme-uploads", true),
        Records.object("PutObject", "acme-thumbnails", false));
    add(
        "payments-webhook",
        rate * 0.75,
        "apigateway.amazonaws.com",
        0,
        Records.secretRead(secret + "prod/payments-Ab12Cd"),
        Records.item("UpdateItem", table + "orders", false));
    add("notify-sender", rate * 0.75, "sqs.amazonaws.com", 0, Records.publish("order-events"));
    add(
        "report-builder",
        0,
        "events.amazonaws.com",
        60,
        Records.item("Query", table + "orders", true),
        Records.object("PutObject", "acme-reports", false));
    add(
        "search-indexer",
        rate * 0.75,
        "",
        0,
        Records.item("GetItem", table + "products", true),
        Records.object("PutObject", "acme-search-index", false));
    add(
        "catalog-api",
        rate * 3,
        "apigateway.amazonaws.com",
        0,
        Records.item("GetItem", table + "products", true));
    add(
        "inventory-sync",
        0,
        "events.amazonaws.com",
        15,
        Records.item("Query", table + "products", true),
        Records.item("PutItem", table + "inventory", false));
    String[] words = {
      "billing",
      "shipping",
      "returns",
      "loyalty",
      "audit",
      "email",
      "pricing",
      "tax",
      "stock",
      "review",
      "coupon",
      "session",
      "profile",
      "ledger",
      "export",
      "import"
    };
    for (int i = NAMED; i < settings.functions(); i++) {
      String name = words[i % words.length] + "-" + (i < NAMED + words.length ? "svc" : "svc" + i);
      int schedule =
          records.random.nextInt(6) == 0 ? new int[] {5, 10, 30}[records.random.nextInt(3)] : 0;
      double perHour = schedule > 0 ? 0 : rate * (0.25 + records.random.nextDouble() * 1.5);
      String resource = name.substring(0, name.indexOf('-'));
      List<Call> calls = new ArrayList<>();
      switch (records.random.nextInt(4)) {
        case 0 -> {
          calls.add(Records.item("GetItem", table + resource, true));
          calls.add(Records.item("PutItem", table + resource, false));
        }
        case 1 -> {
          calls.add(Records.object("GetObject", "acme-" + resource, true));
          calls.add(Records.item("PutItem", table + resource, false));
        }
        case 2 -> {
          calls.add(Records.secretRead(secret + "prod/" + resource + "-Zz9"));
          calls.add(Records.publish(resource + "-events"));
        }
        default -> calls.add(Records.item("Query", table + resource, true));
      }
      functions.add(
          new SimulatedFunction(
              name,
              calls,
              perHour,
              schedule > 0 ? "events.amazonaws.com" : "apigateway.amazonaws.com",
              schedule,
              random));
    }
  }

  private void add(String name, double perHour, String invoker, int schedule, Call... calls) {
    functions.add(new SimulatedFunction(name, List.of(calls), perHour, invoker, schedule, random));
  }

  private void script() {
    LookAlikes lookAlikes = new LookAlikes(records, functions, scripted, NAMED);
    for (int day = 0; day < settings.days(); day++) {
      lookAlikes.deployments(day);
      lookAlikes.securityScan(day);
      lookAlikes.admins(day);
      lookAlikes.reportingJob(day);
    }
    if (settings.attacks()) {
      new InjectedAttacks(records, functions, scripted, labels, end).inject();
    }
  }

  SimulatedFunction function(String name) {
    return SimulatedFunction.named(functions, name);
  }

  // ---------------------------------------------------------------- normal traffic

  private void traffic(SimulatedFunction function, long hour, List<SimulatedRecord> out) {
    List<Long> times = new ArrayList<>();
    if (function.scheduleMinutes > 0) {
      for (long t = hour; t < hour + HOUR; t += function.scheduleMinutes * MINUTE) {
        times.add(t + 200 + records.random.nextInt(1500));
      }
    } else {
      double mean = function.perHour * diurnal(hour) * surge(function, hour);
      int count = poisson(mean);
      for (int i = 0; i < count; i++) {
        times.add(hour + (long) (records.random.nextDouble() * HOUR));
      }
      times.sort(null);
    }
    for (long time : times) {
      invocation(function, time, out);
    }
  }

  private void invocation(SimulatedFunction function, long time, List<SimulatedRecord> out) {
    boolean cold = time > function.environmentEnd;
    if (cold) {
      function.key = records.newKey();
      function.ip =
          "3."
              + (200 + records.random.nextInt(50))
              + "."
              + records.random.nextInt(256)
              + "."
              + records.random.nextInt(256);
      function.environmentEnd = time + (20 + records.random.nextInt(40)) * MINUTE;
      out.add(records.lambdaAssumesRole(function, time - 400, function.key));
    }
    if (!function.invoker.isEmpty()) {
      SimulatedRecord invoke = records.serviceInvoke(function, time, function.invoker);
      if (records.random.nextInt(200) == 0) {
        invoke.error("TooManyRequestsException");
      }
      out.add(invoke);
    }
    long at = time + 20;
    for (Call call : function.calls) {
      if (call.coldStartOnly() && !cold) {
        continue;
      }
      at += 15 + records.random.nextInt(120);
      out.add(records.functionCall(function, call, at, function.key, function.ip, function.agent));
    }
    if (function.name.equals("inventory-sync") && time >= start + DAY + 10 * HOUR + 5 * MINUTE) {
      // the deployment of day two added a queue: new code calling a new API after its deploy
      out.add(
          records.functionCall(
              function,
              Records.sendMessage("inventory-updates"),
              at + 40,
              function.key,
              function.ip,
              function.agent));
    }
  }

  /** Diurnal traffic: from half the average at night to one and a half in the afternoon. */
  private double diurnal(long hour) {
    double hourOfDay = ((hour - start) % DAY) / (double) HOUR;
    return 1 + 0.5 * Math.sin((hourOfDay - 8) / 24 * 2 * Math.PI);
  }

  /** The benign surge: catalog-api at sixty times its traffic, day two 14:00 to 14:20. */
  private double surge(SimulatedFunction function, long hour) {
    return function.name.equals("catalog-api") && hour == start + DAY + 14 * HOUR ? 20 : 1;
  }

  private int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 30) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * records.random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double product = records.random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= records.random.nextDouble();
      count++;
    }
    return count;
  }
}
