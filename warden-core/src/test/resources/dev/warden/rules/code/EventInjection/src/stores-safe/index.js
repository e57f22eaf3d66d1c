const libxmljs = require("libxmljs");

const items = [{ id: "a" }, { id: "b" }];

exports.handler = async (event) => {
  const doc = libxmljs.parseXml(event.body);
  const item = items.find((i) => i.id === event.id);
  return { doc: doc.toString(), item };
};
