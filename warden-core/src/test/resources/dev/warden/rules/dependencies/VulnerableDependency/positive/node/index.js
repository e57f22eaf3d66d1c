const _ = require('lodash');
exports.handler = async (e) => _.get(e, 'a');
