// Validates a SARIF log against the published SARIF 2.1.0 schema (shipped in the
// @microsoft/jest-sarif package) with ajv. Usage: node validate-sarif.js SCHEMA LOG
'use strict';
const fs = require('fs');
const Ajv = require('ajv');
const draft4 = require('ajv/lib/refs/json-schema-draft-04.json');

const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const log = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const ajv = new Ajv({schemaId: 'auto', allErrors: true});
ajv.addMetaSchema(draft4);
if (!ajv.validate(schema, log)) {
    console.error(JSON.stringify(ajv.errors, null, 1));
    process.exit(1);
}
console.log('valid');
