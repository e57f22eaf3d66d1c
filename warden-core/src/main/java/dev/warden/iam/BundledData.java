package dev.warden.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A data set Warden bundles, with its source and the date of its data, read from the head of the
 * bundled file only (the data itself loads when first used). Reports show each one's age.
 *
 * @param name what it is: {@code IAM catalog}, {@code AWS-managed policies}
 * @param source where it comes from, with its version
 * @param date the date of the data
 */
public record BundledData(String name, String source, LocalDate date) {

  private static final Pattern DATE = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2})\\)");

  /** Days between the data's date and today. */
  public long ageInDays(Clock clock) {
    return ChronoUnit.DAYS.between(date, LocalDate.now(clock));
  }

  /** Every bundled data set. */
  public static List<BundledData> all() {
    return List.of(
        iamCatalog(),
        awsManagedPolicies(),
        headOf(
            dev.warden.iam.gcp.GcpRoles.class,
            "gcp-predefined-roles.json.gz",
            "Google Cloud predefined roles"),
        headOf(
            dev.warden.iam.azure.AzureRoles.class,
            "azure-built-in-roles.json.gz",
            "Azure built-in roles"));
  }

  /** A gzipped JSON data set whose first field is {@code source}, with its date in brackets. */
  private static BundledData headOf(Class<?> owner, String resource, String name) {
    try (InputStream raw = owner.getResourceAsStream(resource);
        JsonParser json = new JsonFactory().createParser(new GZIPInputStream(raw))) {
      json.nextToken();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("source")) {
          String source = json.getText();
          Matcher date = DATE.matcher(source);
          if (!date.find()) {
            throw new IllegalStateException(resource + " names no date in its source");
          }
          return new BundledData(name, source, LocalDate.parse(date.group(1)));
        }
        json.skipChildren();
      }
      throw new IllegalStateException(resource + " has no source");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The IAM catalog's source and date, from the start of its file. */
  public static BundledData iamCatalog() {
    try (InputStream raw = IamCatalog.class.getResourceAsStream("iam-catalog.json.gz");
        JsonParser json = new JsonFactory().createParser(new GZIPInputStream(raw))) {
      String source = "";
      String version = "";
      String date = "";
      json.nextToken();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        switch (field) {
          case "source" -> source = json.getText();
          case "sourceVersion" -> version = json.getText();
          case "dataUpdatedAt" -> date = json.getText().substring(0, 10);
          case "services" -> {
            return new BundledData("IAM catalog", source + " " + version, LocalDate.parse(date));
          }
          default -> json.skipChildren();
        }
      }
      throw new IllegalStateException("the bundled IAM catalog has no services");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The AWS-managed policies' source and revision date, from the first line of their file. */
  public static BundledData awsManagedPolicies() {
    try (InputStream raw =
            AwsManagedPolicies.class.getResourceAsStream("aws-managed-policies.jsonl");
        BufferedReader in =
            new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8))) {
      String header = in.readLine();
      Matcher revision = Pattern.compile("\"revision\":\"([^\"]*)\"").matcher(header);
      String source = revision.find() ? revision.group(1) : "bundled";
      Matcher date = DATE.matcher(source);
      return new BundledData(
          "AWS-managed policies",
          source,
          date.find() ? LocalDate.parse(date.group(1)) : LocalDate.EPOCH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
