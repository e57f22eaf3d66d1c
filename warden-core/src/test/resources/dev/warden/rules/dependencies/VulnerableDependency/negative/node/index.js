const _ = require('lodash');
const pad = require('left-pad');
