// Sales reports, served straight from a function URL so the finance team can bookmark them.
const { execSync } = require("child_process");
const _ = require("lodash");
const es = require("event-stream");
const { S3Client, GetObjectCommand } = require("@aws-sdk/client-s3");

const s3 = new S3Client({});

exports.handler = async (event) => {
  const query = event.queryStringParameters || {};
  const options = _.merge({}, JSON.parse(event.body || "{}"));
  const name = query.report || "daily";
  // Builds the archive with the shell; the report name comes from the URL.
  execSync(`cd /tmp && zip -q report-${name}.zip /tmp/reports/${name}.csv`);
  const object = await s3.send(new GetObjectCommand({ Bucket: process.env.UPLOADS_BUCKET, Key: `reports/${name}.csv` }));
  const lines = [];
  await new Promise((resolve) =>
    object.Body.pipe(es.split()).pipe(es.mapSync((line) => lines.push(line))).on("end", resolve),
  );
  return { statusCode: 200, body: JSON.stringify({ name, options, lines }) };
};
