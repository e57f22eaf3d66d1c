const { app } = require('@azure/functions');

app.http('report', {
    methods: ['GET'],
    authLevel: 'function',
    handler: async (request, context) => {
        return { body: `report ${request.query.get('id')}` };
    }
});

app.http('health', {
    handler: async () => ({ body: 'ok' })
});

app.storageQueue('mailer', {
    queueName: 'outgoing-mail',
    connection: 'MailStorage',
    handler: async (message, context) => { context.log(message); }
});
