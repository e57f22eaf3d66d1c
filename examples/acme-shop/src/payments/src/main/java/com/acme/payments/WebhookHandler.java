package com.acme.payments;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/** Receives payment provider webhooks and marks orders as paid. */
public class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final Logger LOG = LogManager.getLogger(WebhookHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SecretsManagerClient secrets = SecretsManagerClient.create();

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    // The provider's signature header is logged but never verified.
    LOG.info("payment webhook from {} signature {}", event.getHeaders().get("user-agent"),
        event.getHeaders().get("stripe-signature"));
    String signingKey = secrets.getSecretValue(
        GetSecretValueRequest.builder().secretId(System.getenv("PAYMENTS_SECRET_ARN")).build()).secretString();
    try {
      JSON.enableDefaultTyping();
      Map<?, ?> payment = JSON.readValue(event.getBody(), Map.class);
      LOG.info("payment {} for order {}", payment.get("id"), payment.get("order"));
    } catch (Exception e) {
      return APIGatewayV2HTTPResponse.builder().withStatusCode(400).withBody(e.toString()).build();
    }
    return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withBody(signingKey.isEmpty() ? "" : "").build();
  }
}
