const { execSync } = require("child_process");

exports.handler = async (event) => {
  const report = event.pathParameters.report;
  execSync(`zip out.zip ${report}.csv`);
};
