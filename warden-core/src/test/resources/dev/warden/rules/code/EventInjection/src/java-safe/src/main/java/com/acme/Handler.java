package com.acme;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.xml.parsers.DocumentBuilderFactory;

public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, String> {

  private Connection connection;

  @Override
  public String handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    String name = event.getQueryStringParameters().get("name");
    try {
      new ProcessBuilder("convert", name, "out.png").start();
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.newDocumentBuilder().parse(new ByteArrayInputStream(event.getBody().getBytes()));
      try (PreparedStatement statement =
          connection.prepareStatement("SELECT * FROM orders WHERE customer = ?")) {
        statement.setString(1, name);
        statement.executeQuery();
      }
      return "ok";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
