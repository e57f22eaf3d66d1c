package dev.warden.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ArnPatternTest {

  private static SymbolicText arn(String... parts) {
    List<SymbolicText> pieces = new java.util.ArrayList<>();
    for (String part : parts) {
      pieces.add(
          part.startsWith("$") ? SymbolicText.symbol(part.substring(1)) : SymbolicText.of(part));
    }
    return SymbolicText.concat(pieces);
  }

  @Test
  void wildcardsInThePatternMatchUnknownPartsOfTheArn() {
    SymbolicText table =
        arn("arn:aws:dynamodb:", "$AWS::Region", ":", "$AWS::AccountId", ":table/orders");
    assertThat(ArnPattern.mayMatch(SymbolicText.of("arn:aws:dynamodb:*:*:table/orders"), table))
        .isTrue();
    assertThat(
            ArnPattern.mayMatch(
                SymbolicText.of("arn:aws:dynamodb:us-east-1:123456789012:table/orders"), table))
        .isTrue();
    assertThat(ArnPattern.mayMatch(SymbolicText.of("arn:aws:dynamodb:*:*:table/users"), table))
        .isFalse();
    assertThat(ArnPattern.mayMatch(SymbolicText.of("arn:aws:dynamodb:*:*:table/ord?rs"), table))
        .isTrue();
  }

  @Test
  void aPatternForObjectsInABucketIsWithinTheBucket() {
    SymbolicText bucket = arn("arn:aws:s3:::", "$Uploads");
    assertThat(ArnPattern.mayMatch(arn("arn:aws:s3:::", "$Uploads", "/*"), bucket)).isFalse();
    assertThat(ArnPattern.mayMatchWithin(arn("arn:aws:s3:::", "$Uploads", "/*"), bucket)).isTrue();
    assertThat(
            ArnPattern.mayMatchWithin(
                SymbolicText.of("arn:aws:s3:::other/*"), SymbolicText.of("arn:aws:s3:::uploads")))
        .isFalse();
  }

  @Test
  void differentResourcesNeverShareAName() {
    SymbolicText dlq =
        arn("arn:aws:sqs:", "$AWS::Region", ":", "$AWS::AccountId", ":", "$OrdersDlq");
    assertThat(
            ArnPattern.mayMatch(
                arn("arn:aws:sqs:", "$AWS::Region", ":", "$AWS::AccountId", ":", "$Orders"), dlq))
        .isFalse();
    assertThat(
            ArnPattern.mayMatch(
                arn("arn:aws:sqs:", "$AWS::Region", ":", "$AWS::AccountId", ":", "$OrdersDlq"),
                dlq))
        .isTrue();
    assertThat(ArnPattern.mayMatch(SymbolicText.of("arn:aws:sqs:*:*:*"), dlq)).isTrue();
    assertThat(ArnPattern.mayMatch(SymbolicText.of("arn:aws:sqs:us-east-1:*:orders-dlq"), dlq))
        .isTrue();
    assertThat(ArnPattern.mayMatch(SymbolicText.of("arn:aws:sqs:us-east-1:*:orders/dlq"), dlq))
        .as("a name has no slash")
        .isFalse();
  }

  @Test
  void policyVariablesInThePatternMayBeAnything() {
    assertThat(
            ArnPattern.mayMatch(
                SymbolicText.of("arn:aws:s3:::home/${aws:username}"),
                SymbolicText.of("arn:aws:s3:::home/alice")))
        .isTrue();
  }

  /** With nothing unknown on either side, the answer is that of a regular expression. */
  @Property(tries = 2000)
  void agreesWithARegexOracleOnConcreteArns(
      @ForAll("patterns") String pattern, @ForAll("arns") String arn) {
    String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
    boolean expected = Pattern.compile(regex, Pattern.DOTALL).matcher(arn).matches();
    assertThat(ArnPattern.mayMatch(SymbolicText.of(pattern), SymbolicText.of(arn)))
        .isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("ab:/*?").ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> arns() {
    return Arbitraries.strings().withChars("ab:/").ofMaxLength(8);
  }
}
