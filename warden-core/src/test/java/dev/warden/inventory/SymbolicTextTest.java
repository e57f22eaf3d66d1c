package dev.warden.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolicTextTest {

  @Test
  void mergesAdjacentTextAndWritesUnknownsInSubSyntax() {
    SymbolicText text =
        SymbolicText.concat(
            List.of(
                SymbolicText.of("arn:aws:sqs:"),
                SymbolicText.symbol("AWS::Region"),
                SymbolicText.of(":"),
                SymbolicText.of("1:q")));
    assertThat(text.parts()).hasSize(3);
    assertThat(text.toString()).isEqualTo("arn:aws:sqs:${AWS::Region}:1:q");
    assertThat(text.isConcrete()).isFalse();
    assertThat(text.symbols()).containsExactly("AWS::Region");
  }

  @Test
  void aPolicyVariableInKnownTextStaysText() {
    SymbolicText text = SymbolicText.of("arn:aws:s3:::home/${aws:username}");
    assertThat(text.isConcrete()).isTrue();
    assertThat(text.symbols()).isEmpty();
  }

  @Test
  void splitsOnlyTheKnownText() {
    SymbolicText arn =
        SymbolicText.concat(
            List.of(
                SymbolicText.of("arn:aws:sns:"),
                SymbolicText.symbol("AWS::Region"),
                SymbolicText.of(":1:topic")));
    assertThat(arn.split(":"))
        .extracting(SymbolicText::toString)
        .containsExactly("arn", "aws", "sns", "${AWS::Region}", "1", "topic");
  }
}
