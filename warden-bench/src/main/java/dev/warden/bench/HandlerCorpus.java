package dev.warden.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Python handler modules of about 300 lines for the code-analysis benchmark: imports, boto3 clients
 * and resources bound at module level, helper functions that pass the event along, SDK calls with
 * literal and environment arguments, f-strings, loops, comments and docstrings, and now and then a
 * shell call with event data. Deterministic for a given index.
 */
public final class HandlerCorpus {

  private static final String[] SERVICES = {"s3", "sqs", "sns", "dynamodb", "secretsmanager"};
  private static final String[] CALLS = {
    "s3.get_object(Bucket=BUCKET, Key=key)",
    "s3.put_object(Bucket=BUCKET, Key=f\"out/{key}\", Body=body)",
    "sqs.send_message(QueueUrl=QUEUE, MessageBody=json.dumps(item))",
    "sns.publish(TopicArn=os.environ[\"TOPIC\"], Message=str(item))",
    "TABLE.put_item(Item=item)",
    "TABLE.query(KeyConditionExpression=\"pk = :p\")",
    "secrets.get_secret_value(SecretId=os.getenv(\"SECRET\"))"
  };

  private HandlerCorpus() {}

  public static String handler(int index) {
    SplittableRandom random = new SplittableRandom(index * 7919L + 17);
    StringBuilder out = new StringBuilder(12_000);
    out.append("\"\"\"Generated handler ").append(index).append(".\"\"\"\n");
    out.append("import json\nimport os\nimport subprocess\n\nimport boto3\n\n");
    out.append("BUCKET = os.environ[\"BUCKET\"]\nQUEUE = os.environ.get(\"QUEUE\")\n");
    for (String service : SERVICES) {
      out.append(service.equals("secretsmanager") ? "secrets" : service)
          .append(" = boto3.client(\"")
          .append(service)
          .append("\")\n");
    }
    out.append("TABLE = boto3.resource(\"dynamodb\").Table(os.environ[\"TABLE\"])\n\n\n");
    int lines = 14;
    int helper = 0;
    while (lines < 290) {
      out.append(String.format(Locale.ROOT, "def step_%d(event, key, body):%n", helper));
      out.append("    # normalise the record before it is stored\n");
      out.append("    item = {\"id\": key, \"body\": body, \"n\": ").append(helper).append("}\n");
      for (int i = 0; i < 4; i++) {
        out.append("    ").append(CALLS[random.nextInt(CALLS.length)]).append('\n');
      }
      out.append("    for record in event.get(\"Records\", []):\n");
      out.append("        name = record[\"s3\"][\"object\"][\"key\"]\n");
      if (random.nextInt(20) == 0) {
        out.append("        subprocess.run(f\"echo {name}\", shell=True)\n");
      } else {
        out.append("        subprocess.run([\"echo\", name])\n");
      }
      out.append("    return item\n\n\n");
      lines += 13;
      helper++;
    }
    out.append("def handler(event, context):\n    key = event.get(\"key\", \"x\")\n");
    for (int i = 0; i < helper; i++) {
      out.append("    step_").append(i).append("(event, key, \"b\")\n");
    }
    out.append("    return {\"ok\": True}\n");
    return out.toString();
  }
}
