// Fans order changes out to customers: stream records, queued orders and topic messages.
const { SNSClient, PublishCommand } = require("@aws-sdk/client-sns");

const sns = new SNSClient({});

function recordsOf(event) {
  return (event.Records || []).map((record) => {
    if (record.dynamodb) return record.dynamodb.NewImage;
    if (record.body) return JSON.parse(record.body);
    if (record.Sns) return JSON.parse(record.Sns.Message);
    return {};
  });
}

exports.handler = async (event) => {
  for (const order of recordsOf(event)) {
    await sns.send(new PublishCommand({
      TopicArn: process.env.NOTIFICATIONS_TOPIC,
      Subject: "Order update",
      Message: JSON.stringify(order),
    }));
  }
};
