// Hand-picked cases: the corners of AWS's evaluation logic where engines go wrong, each with a note
// that says what it checks. Each is asked of the oracle like the random ones.

const A = '111122223333'
const B = '444455556666'
const ROLE = `arn:aws:iam::${A}:role/fn`
const SESSION = `arn:aws:sts::${A}:assumed-role/fn/pay-charge`
const USER = `arn:aws:iam::${A}:user/alice`
const PARTNER = `arn:aws:sts::${B}:assumed-role/partner/sync`
const OBJECT = 'arn:aws:s3:::orders-bucket/invoices/inv-1.pdf'
const TABLE = `arn:aws:dynamodb:us-east-1:${A}:table/Orders`
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`
const QUEUE = `arn:aws:sqs:eu-west-1:${A}:jobs`
const FUNCTION = `arn:aws:lambda:us-east-1:${A}:function:pay-charge`

const policy = (...statements) => ({ Version: '2012-10-17', Statement: statements })
const allow = (Action, Resource, extra = {}) => ({ Effect: 'Allow', Action, Resource, ...extra })
const deny = (Action, Resource, extra = {}) => ({ Effect: 'Deny', Action, Resource, ...extra })
const allowAll = policy(allow('*', '*'))

let counter = 0
const cases = []
function add(note, c) {
  counter++
  cases.push({ id: `hand-${String(counter).padStart(3, '0')}`, note, principal: ROLE, ...c })
}

/** One identity-policy case on s3:GetObject of OBJECT unless told otherwise. */
function identity(note, statements, more = {}) {
  add(note, { action: 's3:GetObject', resource: OBJECT, policies: [policy(...statements)], ...more })
}

/** One condition case: an Allow on the object with this condition block and request context. */
function condition(note, block, context, more = {}) {
  identity(note, [allow('s3:GetObject', OBJECT, { Condition: block })], { context, ...more })
}

export function handPickedCases() {
  counter = 0
  cases.length = 0

  // Action matching
  identity('exact action allows', [allow('s3:GetObject', OBJECT)])
  identity('no policy: implicit deny', [], { policies: [] })
  identity('action match ignores case', [allow('S3:getobject', OBJECT)])
  identity('service wildcard', [allow('s3:*', OBJECT)])
  identity('prefix wildcard', [allow('s3:Get*', OBJECT)])
  identity('? matches one character', [allow('s3:?etObject', OBJECT)])
  identity('? does not match two characters', [allow('s3:?Object', OBJECT)])
  identity('* alone matches every action', [allow('*', OBJECT)])
  identity('another service does not match', [allow('s3control:GetObject', OBJECT)])
  identity('a longer action does not match', [allow('s3:GetObjectAcl', OBJECT)])
  identity('action list: any element matches', [allow(['ec2:RunInstances', 's3:GetObject'], OBJECT)])
  identity('Allow with NotAction of another service allows', [{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }])
  identity('Allow with NotAction of this action does not allow', [{ Effect: 'Allow', NotAction: 's3:GetObject', Resource: '*' }])
  identity('Allow with NotAction wildcard that covers the action', [{ Effect: 'Allow', NotAction: 's3:Get*', Resource: '*' }])
  identity('Deny with NotAction of another service denies', [allow('*', '*'), { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }])
  identity('Deny with NotAction of this action leaves the allow', [allow('*', '*'), { Effect: 'Deny', NotAction: ['s3:GetObject', 'kms:Decrypt'], Resource: '*' }])
  identity('NotAction ignores case', [allow('*', '*'), { Effect: 'Deny', NotAction: 'S3:GETOBJECT', Resource: '*' }])

  // Resource matching
  identity('resource wildcard at the end', [allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/*')])
  identity('resource match is case sensitive', [allow('s3:GetObject', 'arn:aws:s3:::Orders-Bucket/*')])
  identity('resource * in the middle spans slashes', [allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/*.pdf')])
  identity('resource ? matches one character', [allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/invoices/inv-?.pdf')])
  identity('resource ? does not match nothing', [allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/invoices/inv-1?.pdf')])
  identity('bucket ARN does not match an object', [allow('s3:GetObject', 'arn:aws:s3:::orders-bucket')])
  identity('NotResource of another bucket allows', [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret-bucket/*' }])
  identity('NotResource of this bucket does not allow', [{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::orders-bucket/*' }])
  identity('Deny with NotResource of this bucket leaves the allow', [allow('*', '*'), { Effect: 'Deny', Action: '*', NotResource: ['arn:aws:s3:::orders-bucket/*', KEY] }])
  identity('Deny with NotResource of another bucket denies', [allow('*', '*'), { Effect: 'Deny', Action: '*', NotResource: 'arn:aws:s3:::other/*' }])
  add('region and account wildcards in a table ARN', { action: 'dynamodb:GetItem', resource: TABLE, policies: [policy(allow('dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/Orders'))] })
  add('a table ARN does not match its index', { action: 'dynamodb:Query', resource: `${TABLE}/index/ByCustomer`, policies: [policy(allow('dynamodb:Query', TABLE))] })
  add('a table wildcard matches its index', { action: 'dynamodb:Query', resource: `${TABLE}/index/ByCustomer`, policies: [policy(allow('dynamodb:Query', `${TABLE}*`))] })
  add('wildcard-only action with Resource *', { action: 'ec2:DescribeInstances', resource: '*', policies: [policy(allow('ec2:Describe*', '*'))] })

  // Deny beats allow; several policies
  identity('explicit deny wins over allow', [allow('s3:*', '*'), deny('s3:GetObject', OBJECT)])
  identity('deny of another action leaves the allow', [allow('s3:*', '*'), deny('s3:PutObject', '*')])
  add('allow in one policy, deny in another', { action: 's3:GetObject', resource: OBJECT, policies: [policy(allow('s3:*', '*')), policy(deny('s3:Get*', 'arn:aws:s3:::orders-bucket/*'))] })
  add('allow in the second policy', { action: 's3:GetObject', resource: OBJECT, policies: [policy(allow('ec2:*', '*')), policy(allow('s3:GetObject', '*'))] })
  identity('statement as an object, not a list', [], { policies: [{ Version: '2012-10-17', Statement: allow('s3:GetObject', OBJECT) }] })

  // Policy variables
  const userObject = 'arn:aws:s3:::orders-bucket/home/alice/notes.txt'
  add('aws:username variable matches the user', { principal: USER, action: 's3:GetObject', resource: userObject, policies: [policy(allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/home/${aws:username}/*'))] })
  add('aws:username variable for another user', { principal: `arn:aws:iam::${A}:user/ops/bob`, action: 's3:GetObject', resource: userObject, policies: [policy(allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/home/${aws:username}/*'))] })
  add('aws:username is absent for a role: no match', { action: 's3:GetObject', resource: userObject, policies: [policy(allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/home/${aws:username}/*'))] })
  add('variable default value used when the key is absent', { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/home/shared/x', policies: [policy(allow('s3:GetObject', "arn:aws:s3:::orders-bucket/home/${aws:PrincipalTag/folder, 'shared'}/*"))] })
  add('variable default not used when the key is present', { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/home/shared/x', context: { 'aws:PrincipalTag/folder': 'team' }, policies: [policy(allow('s3:GetObject', "arn:aws:s3:::orders-bucket/home/${aws:PrincipalTag/folder, 'shared'}/*"))] })
  add('principal tag variable', { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/payments/x', context: { 'aws:PrincipalTag/team': 'payments' }, policies: [policy(allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/${aws:PrincipalTag/team}/*'))] })
  add('variable value is matched literally, not as a wildcard', { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/payments/x', context: { 'aws:PrincipalTag/team': 'pay*' }, policies: [policy(allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/${aws:PrincipalTag/team}/*'))] })
  condition('${*} in a condition value is a literal star', { StringLike: { 'aws:PrincipalTag/team': 'a${*}b' } }, { 'aws:PrincipalTag/team': 'a*b' })
  condition('${*} in a StringLike value is not a wildcard', { StringLike: { 'aws:PrincipalTag/team': 'a${*}b' } }, { 'aws:PrincipalTag/team': 'axxb' })
  add('${*} does not act as a wildcard', { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/axxb', policies: [policy(allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/a${*}b'))] })
  add('${?} is a literal question mark', { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/what?', policies: [policy(allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/what${?}'))] })
  add('${$} is a literal dollar', { action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/$5', policies: [policy(allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/${$}5'))] })
  add('variables are plain text in a 2008-10-17 policy', { principal: USER, action: 's3:GetObject', resource: userObject, policies: [{ Version: '2008-10-17', Statement: [allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/home/${aws:username}/*')] }] })
  add('variables are plain text without a Version', { principal: USER, action: 's3:GetObject', resource: 'arn:aws:s3:::orders-bucket/home/${aws:username}/x', policies: [{ Statement: [allow('s3:GetObject', 'arn:aws:s3:::orders-bucket/home/${aws:username}/*')] }] })
  add('variable in a condition value', { principal: USER, action: 's3:GetObject', resource: OBJECT, context: { 'aws:PrincipalTag/owner': 'alice' }, policies: [policy(allow('s3:GetObject', OBJECT, { Condition: { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } } }))] })
  add('variable in a condition value that does not resolve', { action: 's3:GetObject', resource: OBJECT, context: { 'aws:PrincipalTag/owner': 'alice' }, policies: [policy(allow('s3:GetObject', OBJECT, { Condition: { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } } }))] })
  add('account variable in a resource', { action: 'iam:PassRole', resource: `arn:aws:iam::${A}:role/service/worker`, policies: [policy(allow('iam:PassRole', 'arn:aws:iam::${aws:PrincipalAccount}:role/service/*'))] })

  // String conditions
  condition('StringEquals matches', { StringEquals: { 'aws:PrincipalTag/team': 'payments' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringEquals is case sensitive', { StringEquals: { 'aws:PrincipalTag/team': 'payments' } }, { 'aws:PrincipalTag/team': 'Payments' })
  condition('StringEquals: key names ignore case', { StringEquals: { 'AWS:principaltag/team': 'payments' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringEquals on a missing key fails', { StringEquals: { 'aws:PrincipalTag/team': 'payments' } }, {})
  condition('StringEquals: values are ORed', { StringEquals: { 'aws:PrincipalTag/team': ['ops', 'payments'] } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringEquals: keys are ANDed', { StringEquals: { 'aws:PrincipalTag/team': 'payments', 'aws:RequestTag/env': 'prod' } }, { 'aws:PrincipalTag/team': 'payments', 'aws:RequestTag/env': 'dev' })
  condition('operators are ANDed', { StringEquals: { 'aws:PrincipalTag/team': 'payments' }, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:PrincipalTag/team': 'payments', 'aws:SecureTransport': 'true' })
  condition('operators are ANDed, one fails', { StringEquals: { 'aws:PrincipalTag/team': 'payments' }, Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:PrincipalTag/team': 'payments', 'aws:SecureTransport': 'false' })
  condition('StringNotEquals on a missing key holds', { StringNotEquals: { 'aws:PrincipalTag/team': 'payments' } }, {})
  condition('StringNotEquals: none of the values', { StringNotEquals: { 'aws:PrincipalTag/team': ['ops', 'payments'] } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringEqualsIgnoreCase', { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'PAYMENTS' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringNotEqualsIgnoreCase', { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'PAYMENTS' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringLike with *', { StringLike: { 'aws:PrincipalTag/team': 'pay*' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringLike with ?', { StringLike: { 'aws:PrincipalTag/team': 'p?yments' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringLike is case sensitive', { StringLike: { 'aws:PrincipalTag/team': 'PAY*' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringNotLike', { StringNotLike: { 'aws:PrincipalTag/team': 'pay*' } }, { 'aws:PrincipalTag/team': 'ops' })
  condition('StringNotLike on a missing key holds', { StringNotLike: { 'aws:PrincipalTag/team': 'pay*' } }, {})
  condition('StringEquals does not treat * as a wildcard', { StringEquals: { 'aws:PrincipalTag/team': 'pay*' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('StringEqualsIfExists on a missing key holds', { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'payments' } }, {})
  condition('StringEqualsIfExists on a present key compares', { StringEqualsIfExists: { 'aws:PrincipalTag/team': 'payments' } }, { 'aws:PrincipalTag/team': 'ops' })
  condition('StringNotLikeIfExists on a missing key', { StringNotLikeIfExists: { 'aws:PrincipalTag/team': 'pay*' } }, {})
  condition('a string condition on a number value', { StringEquals: { 'aws:MultiFactorAuthAge': '300' } }, { 'aws:MultiFactorAuthAge': '300' })

  // Multivalued keys and set operators
  condition('ForAllValues: every request value allowed', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } }, { 'aws:TagKeys': ['env'] })
  condition('ForAllValues: one request value not allowed', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': ['env', 'team'] })
  condition('ForAllValues on a missing key holds', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } }, {})
  condition('ForAllValues on an empty list holds', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': [] })
  condition('ForAnyValue: one request value matches', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['team'] } }, { 'aws:TagKeys': ['env', 'team'] })
  condition('ForAnyValue: none matches', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['owner'] } }, { 'aws:TagKeys': ['env', 'team'] })
  condition('ForAnyValue on a missing key fails', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } }, {})
  condition('ForAnyValue on an empty list fails', { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': [] })
  condition('ForAllValues:StringLike', { 'ForAllValues:StringLike': { 'aws:TagKeys': ['e*', 't*'] } }, { 'aws:TagKeys': ['env', 'team'] })
  condition('ForAnyValue:StringNotEquals', { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': ['env', 'team'] })
  condition('ForAllValues:StringNotEquals', { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['env'] } }, { 'aws:TagKeys': ['env', 'team'] })
  condition('ForAllValues:StringEqualsIgnoreCase', { 'ForAllValues:StringEqualsIgnoreCase': { 'aws:TagKeys': ['ENV', 'TEAM'] } }, { 'aws:TagKeys': ['env', 'team'] })
  condition('StringEquals on a multivalued key without a set operator', { StringEquals: { 'aws:TagKeys': 'env' } }, { 'aws:TagKeys': ['env'] })
  condition('ForAnyValue on aws:CalledVia', { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' } }, { 'aws:CalledVia': ['cloudformation.amazonaws.com'] })
  condition('ForAllValues with IfExists on a missing key', { 'ForAllValues:StringEqualsIfExists': { 'aws:TagKeys': ['env'] } }, {})
  condition('ForAnyValue with IfExists on a missing key', { 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': ['env'] } }, {})
  condition('ForAllValues on a single-valued key', { 'ForAllValues:StringEquals': { 'aws:PrincipalTag/team': 'payments' } }, { 'aws:PrincipalTag/team': 'payments' })

  // Numeric, date, bool, binary, IP, ARN, Null
  condition('NumericLessThan holds', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '300' })
  condition('NumericLessThan fails', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '7200' })
  condition('NumericLessThanEquals at the bound', { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '3600' })
  condition('NumericGreaterThan', { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '7200' })
  condition('NumericGreaterThanEquals', { NumericGreaterThanEquals: { 'aws:MultiFactorAuthAge': '3600' } }, { 'aws:MultiFactorAuthAge': '300' })
  condition('NumericEquals', { NumericEquals: { 'aws:MultiFactorAuthAge': '300' } }, { 'aws:MultiFactorAuthAge': '300' })
  condition('NumericNotEquals', { NumericNotEquals: { 'aws:MultiFactorAuthAge': '300' } }, { 'aws:MultiFactorAuthAge': '300' })
  condition('NumericNotEquals on a missing key holds', { NumericNotEquals: { 'aws:MultiFactorAuthAge': '300' } }, {})
  condition('NumericLessThan on a missing key fails', { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }, {})
  condition('NumericLessThanIfExists on a missing key', { NumericLessThanIfExists: { 'aws:MultiFactorAuthAge': '3600' } }, {})
  condition('NumericEquals with a decimal value', { NumericEquals: { 'aws:MultiFactorAuthAge': '300.0' } }, { 'aws:MultiFactorAuthAge': '300' })
  condition('DateGreaterThan on the current time', { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }, {})
  condition('DateLessThan on the current time', { DateLessThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' } }, {})
  condition('DateLessThan with a date only', { DateLessThan: { 'aws:CurrentTime': '2027-01-01' } }, {})
  condition('DateGreaterThan with epoch seconds', { DateGreaterThan: { 'aws:CurrentTime': '1700000000' } }, {})
  condition('DateEquals', { DateEquals: { 'aws:CurrentTime': '2026-11-20T10:00:00Z' } }, {})
  condition('DateNotEquals', { DateNotEquals: { 'aws:CurrentTime': '2026-11-20T10:00:00Z' } }, {})
  condition('DateLessThanEquals on token issue time', { DateLessThanEquals: { 'aws:TokenIssueTime': '2026-11-20T09:00:00Z' } }, { 'aws:TokenIssueTime': '2026-11-20T09:00:00Z' })
  condition('DateGreaterThan with a time zone offset', { DateGreaterThan: { 'aws:TokenIssueTime': '2026-11-20T10:30:00+02:00' } }, { 'aws:TokenIssueTime': '2026-11-20T09:00:00Z' })
  condition('DateLessThan on a missing key fails', { DateLessThan: { 'aws:TokenIssueTime': '2027-01-01T00:00:00Z' } }, {})
  condition('Bool true', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'true' })
  condition('Bool false does not match true', { Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' })
  condition('Bool on a missing key fails', { Bool: { 'aws:SecureTransport': 'false' } }, {})
  condition('BoolIfExists on a missing key holds', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } }, {})
  condition('Bool ignores case of the value', { Bool: { 'aws:SecureTransport': 'TRUE' } }, { 'aws:SecureTransport': 'true' })
  condition('IpAddress in a CIDR', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '203.0.113.9' })
  condition('IpAddress outside a CIDR', { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' })
  condition('IpAddress with a single address', { IpAddress: { 'aws:SourceIp': '203.0.113.9' } }, { 'aws:SourceIp': '203.0.113.9' })
  condition('IpAddress, several ranges', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '198.51.100.0/24'] } }, { 'aws:SourceIp': '198.51.100.1' })
  condition('IpAddress with IPv6', { IpAddress: { 'aws:SourceIp': '2001:db8::/32' } }, { 'aws:SourceIp': '2001:db8::1' })
  condition('IPv4 range and an IPv6 address', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, { 'aws:SourceIp': '2001:db8::1' })
  condition('NotIpAddress', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { 'aws:SourceIp': '198.51.100.1' })
  condition('NotIpAddress on a missing key holds', { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, {})
  condition('IpAddress on a missing key fails', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }, {})
  condition('ArnLike with wildcards in segments', { ArnLike: { 'aws:SourceArn': `arn:aws:sns:*:${A}:*` } }, { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:order-events` })
  condition('ArnLike: wildcard does not cross segments', { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:order-events' } }, { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:order-events` })
  condition('ArnEquals is exact', { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:order-events` } }, { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:order-events` })
  condition('ArnEquals also takes wildcards', { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:order-*` } }, { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:order-events` })
  condition('ArnNotLike', { ArnNotLike: { 'aws:SourceArn': `arn:aws:sns:*:${B}:*` } }, { 'aws:SourceArn': `arn:aws:sns:us-east-1:${A}:order-events` })
  condition('ArnNotLike on a missing key holds', { ArnNotLike: { 'aws:SourceArn': `arn:aws:sns:*:${B}:*` } }, {})
  condition('ArnLike on the principal ARN', { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${A}:role/*` } }, {})
  condition('ArnLike: the resource part may hold colons', { ArnLike: { 'aws:SourceArn': 'arn:aws:logs:*:*:log-group:*' } }, { 'aws:SourceArn': `arn:aws:logs:us-east-1:${A}:log-group:/aws/lambda/x:*` })
  condition('Null true: key absent', { Null: { 'aws:PrincipalTag/team': 'true' } }, {})
  condition('Null true: key present', { Null: { 'aws:PrincipalTag/team': 'true' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('Null false: key present', { Null: { 'aws:PrincipalTag/team': 'false' } }, { 'aws:PrincipalTag/team': 'payments' })
  condition('Null false: key absent', { Null: { 'aws:PrincipalTag/team': 'false' } }, {})
  condition('BinaryEquals', { BinaryEquals: { 'aws:PrincipalTag/blob': 'cGF5bWVudHM=' } }, { 'aws:PrincipalTag/blob': 'cGF5bWVudHM=' })

  // Deny conditions: the usual guardrails
  identity('deny without TLS', [allow('s3:*', '*'), deny('s3:*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'false' } } })], { context: { 'aws:SecureTransport': 'false' } })
  identity('deny without TLS, key absent: no deny', [allow('s3:*', '*'), deny('s3:*', '*', { Condition: { Bool: { 'aws:SecureTransport': 'false' } } })], { context: {} })
  identity('deny outside the corporate network', [allow('s3:*', '*'), deny('*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })], { context: { 'aws:SourceIp': '198.51.100.1' } })
  identity('deny outside the network: no address, deny', [allow('s3:*', '*'), deny('*', '*', { Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })], { context: {} })
  identity('deny unless the org: other org', [allow('s3:*', '*'), deny('*', '*', { Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })], { context: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' } })
  identity('deny unless MFA, with IfExists', [allow('s3:*', '*'), deny('*', '*', { Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } })], { context: {} })

  // Permissions boundaries and session policies
  identity('boundary allows too', [allow('s3:*', '*')], { permissionBoundary: policy(allow('s3:GetObject', '*')) })
  identity('boundary does not allow', [allow('s3:*', '*')], { permissionBoundary: policy(allow('dynamodb:*', '*')) })
  identity('boundary denies', [allow('s3:*', '*')], { permissionBoundary: policy(allow('*', '*'), deny('s3:GetObject', '*')) })
  identity('boundary alone grants nothing', [], { policies: [], permissionBoundary: policy(allow('*', '*')) })
  identity('session policy allows too', [allow('s3:*', '*')], { principal: SESSION, sessionPolicy: policy(allow('s3:GetObject', OBJECT)) })
  identity('session policy does not allow', [allow('s3:*', '*')], { principal: SESSION, sessionPolicy: policy(allow('s3:PutObject', '*')) })
  identity('session policy alone grants nothing', [], { principal: SESSION, policies: [], sessionPolicy: policy(allow('*', '*')) })
  identity('boundary and session both allow', [allow('s3:*', '*')], { principal: SESSION, sessionPolicy: policy(allow('s3:*', '*')), permissionBoundary: policy(allow('s3:Get*', '*')) })

  // Resource-based policies, same account
  const bucket = (principal, extra = {}) => policy({ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: 'arn:aws:s3:::orders-bucket/*', ...extra })
  add('bucket policy names the role, no identity policy', { action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: ROLE }) })
  add('bucket policy names the role session', { principal: SESSION, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: SESSION }) })
  add('bucket policy names the role; the caller is its session', { principal: SESSION, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: ROLE }) })
  add('bucket policy names the user', { principal: USER, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: USER }) })
  add('bucket policy names the account only: needs an identity allow', { principal: USER, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: A }) })
  add('bucket policy names the account root, identity allows', { principal: USER, action: 's3:GetObject', resource: OBJECT, policies: [allowAll], resourcePolicy: bucket({ AWS: `arn:aws:iam::${A}:root` }) })
  add('bucket policy to everybody', { principal: USER, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket('*') })
  add('bucket policy to everybody, as AWS *', { principal: USER, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: '*' }) })
  add('bucket policy denies the role', { action: 's3:GetObject', resource: OBJECT, policies: [allowAll], resourcePolicy: policy({ Effect: 'Deny', Principal: { AWS: ROLE }, Action: 's3:*', Resource: 'arn:aws:s3:::orders-bucket/*' }) })
  add('bucket policy denies everybody but the role (NotPrincipal)', { principal: USER, action: 's3:GetObject', resource: OBJECT, policies: [allowAll], resourcePolicy: policy({ Effect: 'Deny', NotPrincipal: { AWS: ROLE }, Action: 's3:*', Resource: 'arn:aws:s3:::orders-bucket/*' }) })
  add('NotPrincipal deny spares the named role', { action: 's3:GetObject', resource: OBJECT, policies: [allowAll], resourcePolicy: policy({ Effect: 'Deny', NotPrincipal: { AWS: ROLE }, Action: 's3:*', Resource: 'arn:aws:s3:::orders-bucket/*' }) })
  add('bucket policy allows another user', { principal: USER, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: `arn:aws:iam::${A}:user/ops/bob` }) })
  add('resource policy allow with a boundary that does not allow: role ARN named', { principal: SESSION, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: ROLE }), permissionBoundary: policy(allow('dynamodb:*', '*')) })
  add('resource policy allow with a boundary that does not allow: session named', { principal: SESSION, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: SESSION }), permissionBoundary: policy(allow('dynamodb:*', '*')) })
  add('resource policy allow with a session policy that does not allow: role named', { principal: SESSION, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: ROLE }), sessionPolicy: policy(allow('dynamodb:*', '*')) })
  add('resource policy allow with a session policy that does not allow: session named', { principal: SESSION, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: SESSION }), sessionPolicy: policy(allow('dynamodb:*', '*')) })
  add('user named in a resource policy with a boundary that does not allow', { principal: USER, action: 's3:GetObject', resource: OBJECT, policies: [], resourcePolicy: bucket({ AWS: USER }), permissionBoundary: policy(allow('dynamodb:*', '*')) })
  add('resource policy with a condition that holds', { principal: USER, action: 's3:GetObject', resource: OBJECT, context: { 'aws:SourceIp': '203.0.113.9' }, policies: [], resourcePolicy: bucket('*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }) })
  add('resource policy with a condition that fails', { principal: USER, action: 's3:GetObject', resource: OBJECT, context: { 'aws:SourceIp': '198.51.100.1' }, policies: [], resourcePolicy: bucket('*', { Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } }) })
  add('queue policy allows a service with a source ARN', { principal: 'sns.amazonaws.com', action: 'sqs:SendMessage', resource: QUEUE, resourceAccount: A, context: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${A}:order-events` }, policies: [], resourcePolicy: policy({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: QUEUE, Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${A}:order-events` } } }) })
  add('queue policy allows a service, wrong source ARN', { principal: 'sns.amazonaws.com', action: 'sqs:SendMessage', resource: QUEUE, resourceAccount: A, context: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${B}:spoof` }, policies: [], resourcePolicy: policy({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: QUEUE, Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${A}:order-events` } } }) })
  add('function policy lets S3 invoke', { principal: 's3.amazonaws.com', action: 'lambda:InvokeFunction', resource: FUNCTION, resourceAccount: A, context: { 'aws:SourceAccount': A }, policies: [], resourcePolicy: policy({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FUNCTION, Condition: { StringEquals: { 'aws:SourceAccount': A } } }) })
  add('function policy for another service', { principal: 'sns.amazonaws.com', action: 'lambda:InvokeFunction', resource: FUNCTION, resourceAccount: A, policies: [], resourcePolicy: policy({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FUNCTION }) })

  // Cross-account
  const theirObject = 'arn:aws:s3:::partner-drop/in/feed.csv'
  add('cross account: identity allow alone is not enough', { action: 's3:GetObject', resource: theirObject, resourceAccount: B, policies: [allowAll] })
  add('cross account: resource policy alone is not enough', { action: 's3:GetObject', resource: theirObject, resourceAccount: B, policies: [], resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-drop/*' }) })
  add('cross account: both allow', { action: 's3:GetObject', resource: theirObject, resourceAccount: B, policies: [allowAll], resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-drop/*' }) })
  add('cross account: the resource policy trusts our account', { action: 's3:GetObject', resource: theirObject, resourceAccount: B, policies: [allowAll], resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: A }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-drop/*' }) })
  add('cross account: the resource policy trusts another account', { action: 's3:GetObject', resource: theirObject, resourceAccount: B, policies: [allowAll], resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: '999988887777' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-drop/*' }) })
  add('cross account: public resource policy and identity allow', { action: 's3:GetObject', resource: theirObject, resourceAccount: B, policies: [allowAll], resourcePolicy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-drop/*' }) })
  add('cross account: boundary limits', { action: 's3:GetObject', resource: theirObject, resourceAccount: B, policies: [allowAll], permissionBoundary: policy(allow('dynamodb:*', '*')), resourcePolicy: policy({ Effect: 'Allow', Principal: { AWS: ROLE }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::partner-drop/*' }) })
  add('cross account: resource policy deny', { action: 's3:GetObject', resource: theirObject, resourceAccount: B, policies: [allowAll], resourcePolicy: policy({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Principal: { AWS: A }, Action: 's3:GetObject', Resource: '*' }) })
  add('partner session into our bucket', { principal: PARTNER, action: 's3:GetObject', resource: OBJECT, resourceAccount: A, policies: [allowAll], resourcePolicy: bucket({ AWS: `arn:aws:iam::${B}:role/partner` }) })
  add('partner session, bucket trusts their account root', { principal: PARTNER, action: 's3:GetObject', resource: OBJECT, resourceAccount: A, policies: [allowAll], resourcePolicy: bucket({ AWS: `arn:aws:iam::${B}:root` }) })
  add('partner session, no identity allow', { principal: PARTNER, action: 's3:GetObject', resource: OBJECT, resourceAccount: A, policies: [], resourcePolicy: bucket({ AWS: `arn:aws:iam::${B}:role/partner` }) })

  // KMS key policies and role trust policies
  const keyPolicy = (principal) => policy({ Effect: 'Allow', Principal: principal, Action: 'kms:*', Resource: '*' })
  add('kms: identity allow without a key policy that trusts the account', { action: 'kms:Decrypt', resource: KEY, policies: [allowAll], resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${A}:role/admin` }) })
  add('kms: key policy trusts the account, identity allows', { action: 'kms:Decrypt', resource: KEY, policies: [allowAll], resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${A}:root` }) })
  add('kms: key policy trusts the account, no identity allow', { action: 'kms:Decrypt', resource: KEY, policies: [], resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${A}:root` }) })
  add('kms: key policy names the role', { action: 'kms:Decrypt', resource: KEY, policies: [], resourcePolicy: keyPolicy({ AWS: ROLE }) })
  add('kms: key policy names the role, the caller is a session', { principal: SESSION, action: 'kms:Decrypt', resource: KEY, policies: [], resourcePolicy: keyPolicy({ AWS: ROLE }) })
  add('kms: no key policy given', { action: 'kms:Decrypt', resource: KEY, policies: [allowAll] })
  const target = `arn:aws:iam::${A}:role/deploy`
  const trust = (principal, extra = {}) => policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...extra })
  add('trust policy names the caller role', { action: 'sts:AssumeRole', resource: target, policies: [], resourcePolicy: trust({ AWS: ROLE }) })
  add('trust policy names the account, identity allows', { action: 'sts:AssumeRole', resource: target, policies: [policy(allow('sts:AssumeRole', target))], resourcePolicy: trust({ AWS: A }) })
  add('trust policy names the account, no identity allow', { action: 'sts:AssumeRole', resource: target, policies: [], resourcePolicy: trust({ AWS: A }) })
  add('trust policy names another role', { action: 'sts:AssumeRole', resource: target, policies: [allowAll], resourcePolicy: trust({ AWS: `arn:aws:iam::${A}:role/other` }) })
  add('trust policy names a service', { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole', resource: target, resourceAccount: A, policies: [], resourcePolicy: trust({ Service: 'lambda.amazonaws.com' }) })
  add('trust policy with an external id condition', { principal: PARTNER, action: 'sts:AssumeRole', resource: target, resourceAccount: A, context: { 'sts:ExternalId': 'x-123' }, policies: [allowAll], resourcePolicy: trust({ AWS: `arn:aws:iam::${B}:root` }, { Condition: { StringEquals: { 'sts:ExternalId': 'x-123' } } }) })
  add('trust policy with a wrong external id', { principal: PARTNER, action: 'sts:AssumeRole', resource: target, resourceAccount: A, context: { 'sts:ExternalId': 'guess' }, policies: [allowAll], resourcePolicy: trust({ AWS: `arn:aws:iam::${B}:root` }, { Condition: { StringEquals: { 'sts:ExternalId': 'x-123' } } }) })
  add('trust policy to everybody in the same account', { action: 'sts:AssumeRole', resource: target, policies: [], resourcePolicy: trust({ AWS: '*' }) })
  add('no trust policy given', { action: 'sts:AssumeRole', resource: target, policies: [allowAll] })

  // Service control policies
  const full = policy(allow('*', '*'))
  identity('SCP full access', [allow('s3:*', '*')], { scps: [[full]] })
  identity('SCP without an allow for the action', [allow('s3:*', '*')], { scps: [[policy(allow('ec2:*', '*'))]] })
  identity('SCP deny', [allow('s3:*', '*')], { scps: [[full, policy(deny('s3:*', '*'))]] })
  identity('SCP allows at the root, not in the OU', [allow('s3:*', '*')], { scps: [[full], [policy(allow('dynamodb:*', '*'))]] })
  identity('SCP allows at every level', [allow('s3:*', '*')], { scps: [[full], [policy(allow('s3:Get*', '*'))], [full]] })
  identity('SCP alone grants nothing', [], { policies: [], scps: [[full]] })
  identity('SCP deny with a condition on the region', [allow('s3:*', '*')], { scps: [[full, policy(deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } }))]] })
  add('SCP region deny on a regional action', { action: 'dynamodb:GetItem', resource: TABLE, policies: [allowAll], scps: [[full, policy(deny('*', '*', { Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } } }))]] })
  identity('SCP NotAction deny', [allow('*', '*')], { scps: [[full, policy({ Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*' })]] })
  add('SCPs do not limit a service principal', { principal: 's3.amazonaws.com', action: 'lambda:InvokeFunction', resource: FUNCTION, resourceAccount: A, policies: [], resourcePolicy: policy({ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'lambda:InvokeFunction', Resource: FUNCTION }) })

  // Resource control policies
  const rcpDeny = (extra) => [[policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', ...extra })]]
  identity('RCP deny applies to S3', [allow('s3:*', '*')], { rcps: rcpDeny({}) })
  identity('RCP deny with a condition that fails', [allow('s3:*', '*')], { context: { 'aws:SecureTransport': 'true' }, rcps: rcpDeny({ Condition: { BoolIfExists: { 'aws:SecureTransport': 'false' } } }) })
  identity('RCP deny outside the org', [allow('s3:*', '*')], { context: { 'aws:PrincipalOrgID': 'o-zzzzzzzzzz' }, rcps: rcpDeny({ Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }) })
  add('RCP deny of S3 does not apply to DynamoDB', { action: 'dynamodb:GetItem', resource: TABLE, policies: [allowAll], rcps: [[policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' })]] })
  add('RCP deny on lambda, which RCPs do not cover', { action: 'lambda:InvokeFunction', resource: FUNCTION, policies: [allowAll], rcps: [[policy({ Effect: 'Deny', Principal: '*', Action: 'lambda:*', Resource: '*' })]] })
  add('RCP deny on KMS', { action: 'kms:Decrypt', resource: KEY, policies: [allowAll], resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${A}:root` }), rcps: [[policy({ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' })]] })
  add('RCP deny on SQS for a service principal', { principal: 'sns.amazonaws.com', action: 'sqs:SendMessage', resource: QUEUE, resourceAccount: A, policies: [], resourcePolicy: policy({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: QUEUE }), rcps: [[policy({ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*', Condition: { BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' } } })]] })

  // Mixed
  identity('deny in the boundary beats the identity allow and resource allow', [allow('s3:*', '*')], { resourcePolicy: bucket({ AWS: ROLE }), permissionBoundary: policy(allow('*', '*'), deny('s3:GetObject', '*')) })
  identity('several statements; the allow is last', [deny('ec2:*', '*'), allow('dynamodb:*', '*'), allow('s3:GetObject', OBJECT)])
  identity('an allow with an unrelated resource and a matching one', [allow('s3:GetObject', ['arn:aws:s3:::other/*', 'arn:aws:s3:::orders-bucket/invoices/*'])])
  add('iam:PassRole limited by iam:PassedToService', { action: 'iam:PassRole', resource: `arn:aws:iam::${A}:role/service/worker`, context: { 'iam:PassedToService': 'lambda.amazonaws.com' }, policies: [policy(allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }))] })
  add('iam:PassRole to another service', { action: 'iam:PassRole', resource: `arn:aws:iam::${A}:role/service/worker`, context: { 'iam:PassedToService': 'ec2.amazonaws.com' }, policies: [policy(allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }))] })
  add('s3:prefix condition on ListBucket', { action: 's3:ListBucket', resource: 'arn:aws:s3:::orders-bucket', context: { 's3:prefix': 'home/alice/' }, policies: [policy(allow('s3:ListBucket', 'arn:aws:s3:::orders-bucket', { Condition: { StringLike: { 's3:prefix': ['home/alice/*'] } } }))] })
  add('s3:prefix condition, another prefix', { action: 's3:ListBucket', resource: 'arn:aws:s3:::orders-bucket', context: { 's3:prefix': 'home/bob/' }, policies: [policy(allow('s3:ListBucket', 'arn:aws:s3:::orders-bucket', { Condition: { StringLike: { 's3:prefix': ['home/alice/*'] } } }))] })
  add('dynamodb:LeadingKeys with ForAllValues', { principal: USER, action: 'dynamodb:GetItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['alice'] }, policies: [policy(allow('dynamodb:GetItem', TABLE, { Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:username}'] } } }))] })
  add('dynamodb:LeadingKeys with another key', { principal: USER, action: 'dynamodb:GetItem', resource: TABLE, context: { 'dynamodb:LeadingKeys': ['bob'] }, policies: [policy(allow('dynamodb:GetItem', TABLE, { Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:username}'] } } }))] })
  add('lambda:FunctionUrlAuthType condition', { action: 'lambda:InvokeFunctionUrl', resource: FUNCTION, context: { 'lambda:FunctionUrlAuthType': 'NONE' }, policies: [policy(allow('lambda:InvokeFunctionUrl', FUNCTION, { Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'AWS_IAM' } } }))] })
  add('kms:ViaService condition', { action: 'kms:Decrypt', resource: KEY, context: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' }, policies: [policy(allow('kms:Decrypt', '*', { Condition: { StringLike: { 'kms:ViaService': 's3.*.amazonaws.com' } } }))], resourcePolicy: keyPolicy({ AWS: `arn:aws:iam::${A}:root` }) })
  add('ec2 instance tag condition', { action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-0abc123def4567890`, context: { 'aws:ResourceTag/env': 'dev' }, policies: [policy(allow('ec2:TerminateInstances', '*', { Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } } }))] })
  add('ec2 instance tag condition, other tag', { action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:us-east-1:${A}:instance/i-0abc123def4567890`, context: { 'aws:ResourceTag/env': 'prod' }, policies: [policy(allow('ec2:TerminateInstances', '*', { Condition: { StringEquals: { 'aws:ResourceTag/env': 'dev' } } }))] })

  return cases.map((c) => structuredClone(c))
}
