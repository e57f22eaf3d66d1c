package com.acme;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.sql.Connection;
import java.sql.Statement;
import javax.xml.parsers.DocumentBuilderFactory;

public class Handler implements RequestHandler<APIGatewayProxyRequestEvent, String> {

  private Connection connection;

  @Override
  public String handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    String name = event.getQueryStringParameters().get("name");
    String body = event.getBody();
    try {
      Runtime.getRuntime().exec("convert " + name + " out.png");
      Object order = new ObjectInputStream(new ByteArrayInputStream(body.getBytes())).readObject();
      lookup(name);
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes()));
      return String.valueOf(order);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void lookup(String customer) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT * FROM orders WHERE customer = '" + customer + "'");
    }
  }
}
