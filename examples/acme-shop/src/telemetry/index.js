// Device telemetry from IoT Core, and error lines from the app's own log group.
const zlib = require("zlib");
const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");

const dynamo = new DynamoDBClient({});

exports.handler = async (event) => {
  if (event.awslogs) {
    const logs = JSON.parse(zlib.gunzipSync(Buffer.from(event.awslogs.data, "base64")).toString());
    console.log(`errors in ${logs.logGroup}: ${logs.logEvents.length}`);
    return;
  }
  await dynamo.send(new PutItemCommand({
    TableName: "acme-telemetry",
    Item: { device: { S: String(event.deviceId) }, at: { N: String(Date.now()) }, reading: { S: JSON.stringify(event) } },
  }));
};
