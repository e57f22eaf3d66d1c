// Token authorizer for partner routes of the shop API.
const { SSMClient, GetParameterCommand } = require("@aws-sdk/client-ssm");

const ssm = new SSMClient({});
let tokens;

async function partnerTokens() {
  if (!tokens) {
    const out = await ssm.send(new GetParameterCommand({ Name: process.env.PARTNER_TOKENS_PARAM, WithDecryption: true }));
    tokens = new Set(out.Parameter.Value.split(","));
  }
  return tokens;
}

exports.handler = async (event) => {
  const token = (event.authorizationToken || "").replace(/^Bearer /, "");
  const allowed = (await partnerTokens()).has(token);
  return {
    principalId: allowed ? "partner" : "anonymous",
    policyDocument: {
      Version: "2012-10-17",
      Statement: [{ Action: "execute-api:Invoke", Effect: allowed ? "Allow" : "Deny", Resource: event.methodArn }],
    },
  };
};
