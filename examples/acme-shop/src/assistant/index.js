// Order status for the voice assistant (Alexa) and the assistant GraphQL API.
const { DynamoDBClient, GetItemCommand } = require("@aws-sdk/client-dynamodb");

const dynamo = new DynamoDBClient({});

async function orderStatus(orderId) {
  const out = await dynamo.send(new GetItemCommand({ TableName: process.env.ORDERS_TABLE, Key: { id: { S: orderId } } }));
  return out.Item ? out.Item.status.S : "unknown";
}

exports.handler = async (event) => {
  if (event.request && event.request.intent) {
    const orderId = event.request.intent.slots.OrderId.value;
    const status = await orderStatus(orderId);
    return { version: "1.0", response: { outputSpeech: { type: "PlainText", text: `Order ${orderId} is ${status}` } } };
  }
  return { status: await orderStatus(event.arguments.orderId) };
};
