const libxmljs = require("libxmljs");
const { MongoClient } = require("mongodb");
const db = new MongoClient(process.env.MONGO_URL).db("shop");

exports.handler = async (event) => {
  const filter = JSON.parse(event.body);
  const user = await db.collection("users").findOne(filter);
  const doc = libxmljs.parseXml(event.body, { noent: true });
  return { user, doc: doc.toString() };
};

exports.convert = async (event) => {
  const { spawn } = require("child_process");
  spawn(`convert ${event.name} out.png`, { shell: true });
  spawn("convert", [event.name, "out.png"]);
};
