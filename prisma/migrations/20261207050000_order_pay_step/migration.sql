-- Payment as real gateways work (#21 item 3): an order handed to WeChat Pay keeps what its payer
-- does on our pay page (the Native QR code_url, the H5 cashier URL, the signed JSAPI request) and
-- the channel it was created for, so 重新支付 shows the same one. Null for the sandbox gateway.
ALTER TABLE "Order" ADD COLUMN "payStep" JSONB;
